package com.worklib.platform.messaging;

/**
 * An event that can never be applied, however often it is retried: it goes straight to
 * the DLT.
 */
public class PoisonEventException extends RuntimeException {

	public PoisonEventException(String message) {
		super(message);
	}

	public PoisonEventException(String message, Throwable cause) {
		super(message, cause);
	}

}
