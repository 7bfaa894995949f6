package com.worklib.web.support;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page's words as a person reads them. Spring formats a message with MessageFormat only
 * when it has arguments: there an apostrophe must be doubled ({@code l''équipe de {0}}),
 * and in a message without arguments a doubled one shows twice ({@code l''espace}). Both
 * slipped onto pages before.
 */
class MessagesTest {

	static final Pattern ARGUMENT = Pattern.compile("\\{\\d");

	static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

	static Properties bundle(String name) throws java.io.IOException {
		Properties messages = new Properties();
		try (InputStream in = MessagesTest.class.getResourceAsStream(name)) {
			messages.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return messages;
	}

	/** A page is French first and English second: no sentence exists in one only. */
	@Test
	void everyFrenchMessageHasItsEnglishAndBack() throws Exception {
		assertThat(bundle("/messages_en.properties").keySet())
			.containsExactlyInAnyOrderElementsOf(bundle("/messages.properties").keySet());
	}

	@Test
	void everyApostropheShowsOnce() throws Exception {
		List<String> wrong = new ArrayList<>();
		for (String bundle : List.of("/messages.properties", "/messages_en.properties")) {
			Properties messages = new Properties();
			try (InputStream in = MessagesTest.class.getResourceAsStream(bundle)) {
				messages.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
			}
			messages.forEach((key, value) -> {
				String text = (String) value;
				boolean formatted = ARGUMENT.matcher(text).find();
				if (formatted ? LONE_APOSTROPHE.matcher(text).find() : text.contains("''")) {
					wrong.add(bundle + " " + key + "=" + text);
				}
			});
		}
		assertThat(wrong).isEmpty();
	}

}
