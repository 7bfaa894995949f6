package com.worklib.billing.profile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The self-billing mandate's text, French (the version that binds) and English, from
 * {@code mandates/<version>.<lang>.txt}. A new text is a new version: partners who
 * accepted an older one are asked to accept again.
 */
public final class MandateText {

	public static final String CURRENT_VERSION = "2026-11";

	private static final Texts CURRENT = new Texts(read(CURRENT_VERSION, "fr"), read(CURRENT_VERSION, "en"));

	private MandateText() {
	}

	public record Texts(String fr, String en) {
	}

	public static Texts current() {
		return CURRENT;
	}

	private static String read(String version, String language) {
		String path = "/mandates/" + version + "." + language + ".txt";
		try (InputStream in = MandateText.class.getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalStateException(path + " is missing from the classpath");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
