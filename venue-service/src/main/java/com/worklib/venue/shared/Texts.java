package com.worklib.venue.shared;

/** Text clean-up for what partners and imports type. */
public final class Texts {

	private Texts() {
	}

	public static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}

}
