package com.worklib.venue.shared;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Text normalisation for matching: what a person means by "saint-etienne" and
 * "Saint-Étienne".
 */
public final class Texts {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern NOT_ALNUM = Pattern.compile("[^a-z0-9]+");

	private Texts() {
	}

	/** Lower case, accents and punctuation removed, words separated by one space. */
	public static String searchKey(String text) {
		String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
		String plain = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
		return NOT_ALNUM.matcher(plain).replaceAll(" ").trim();
	}

	public static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}

}
