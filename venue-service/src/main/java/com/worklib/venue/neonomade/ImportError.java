package com.worklib.venue.neonomade;

/**
 * What is wrong with one line of the file (line numbers count from 1, the header being
 * line 1).
 */
public record ImportError(long line, String message) {
}
