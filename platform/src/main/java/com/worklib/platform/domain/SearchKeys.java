package com.worklib.platform.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Text normalisation for matching: what a person means by "saint-etienne" and
 * "Saint-Étienne". venue's search and booking's availability search use the same key, so
 * a city found in one is found in the other.
 */
public final class SearchKeys {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern NOT_ALNUM = Pattern.compile("[^a-z0-9]+");

	private SearchKeys() {
	}

	/** Lower case, accents and punctuation removed, words separated by one space. */
	public static String of(String text) {
		String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
		String plain = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
		return NOT_ALNUM.matcher(plain).replaceAll(" ").trim();
	}

}
