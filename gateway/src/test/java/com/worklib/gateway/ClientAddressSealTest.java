package com.worklib.gateway;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A sealed address opens only with the gateways' key, and only for a few minutes. */
class ClientAddressSealTest {

	static final String KEY = "a-key-of-at-least-thirty-two-characters!";

	static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");

	static ClientAddressSeal at(Instant instant, String key) {
		return new ClientAddressSeal(key, Clock.fixed(instant, ZoneOffset.UTC));
	}

	@Test
	void anotherGatewayWithTheSameKeyOpensItUntilItExpires() {
		String sealed = at(NOW, KEY).seal("2001:db8::7");
		assertThat(at(NOW.plusSeconds(10), KEY).open(sealed)).contains("2001:db8::7");
		assertThat(at(NOW.plus(Duration.ofSeconds(ClientAddressSeal.VALIDITY_SECONDS + 1)), KEY).open(sealed))
			.isEmpty();
	}

	@Test
	void anotherKeyAnAlteredAddressOrExpiryOrGarbageOpenNothing() {
		String sealed = at(NOW, KEY).seal("203.0.113.30");
		assertThat(at(NOW, KEY.replace('a', 'b')).open(sealed)).isEmpty();
		assertThat(at(NOW, KEY).open(sealed.replace("203.0.113.30", "203.0.113.31"))).isEmpty();
		String[] parts = sealed.split("\\|");
		assertThat(at(NOW, KEY).open(parts[0] + "|" + (Long.parseLong(parts[1]) + 3600) + "|" + parts[2])).isEmpty();
		assertThat(at(NOW, KEY).open("203.0.113.30")).isEmpty();
		assertThat(at(NOW, KEY).open("||")).isEmpty();
		assertThat(at(NOW, KEY).open(null)).isEmpty();
		// a gateway alone makes up a key that no one else has
		assertThat(at(NOW, "").open(sealed)).isEmpty();
	}

	@Test
	void aShortKeyIsRefusedAtStart() {
		assertThatThrownBy(() -> at(NOW, "short")).hasMessageContaining("at least 32");
	}

}
