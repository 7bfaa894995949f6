package com.worklib.gateway;

import java.util.Random;

import org.junit.jupiter.api.Test;

import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's header checks refuse exactly what Spring Security's strict firewall
 * refuses: control characters (but a tab in a value), unassigned code points, and nothing
 * else.
 */
class HeaderCharactersTest {

	@Test
	void refusesWhatTheStrictFirewallRefuses() {
		assertThat(HeaderCharacters.allowedValue("Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln")).isTrue();
		assertThat(HeaderCharacters.allowedValue("a\tb")).isTrue();
		assertThat(HeaderCharacters.allowedName("a\tb")).isFalse();
		assertThat(HeaderCharacters.allowedValue("a\r\nX-Injected: 1")).isFalse();
		assertThat(HeaderCharacters.allowedValue("caf\u00e9 \u20ac")).isTrue();
		assertThat(HeaderCharacters.allowedValue("\u0085")).isFalse();
		assertThat(HeaderCharacters.allowedValue("\u0378")).isFalse();
		assertThat(HeaderCharacters.allowedValue(null))
			.isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test(null))
			.isTrue();
	}

	@Test
	void agreesWithTheFirewallOnRandomCodePoints() {
		Random random = new Random(26);
		// ASCII, Latin-1 with its C1 controls, the rest of the BMP (unassigned points,
		// lone surrogates) and beyond
		int[] bounds = { 0x80, 0x100, 0x10000, 0x110000 };
		for (int i = 0; i < 20_000; i++) {
			StringBuilder text = new StringBuilder();
			int length = random.nextInt(6);
			for (int c = 0; c < length; c++) {
				text.appendCodePoint(random.nextInt(bounds[random.nextInt(bounds.length)]));
			}
			String header = text.toString();
			assertThat(HeaderCharacters.allowedValue(header)).as("value %s", header.codePoints().boxed().toList())
				.isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test(header));
			assertThat(HeaderCharacters.allowedName(header)).as("name %s", header.codePoints().boxed().toList())
				.isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES.test(header));
		}
	}

}
