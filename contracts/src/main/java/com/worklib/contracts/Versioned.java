package com.worklib.contracts;

/**
 * A payload carrying the full state of an aggregate. Consumers apply it only when its
 * version is newer than the one they hold, so duplicates and reordering are harmless.
 */
public interface Versioned {

	long version();

}
