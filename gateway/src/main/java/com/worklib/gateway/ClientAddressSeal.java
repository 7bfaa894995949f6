package com.worklib.gateway;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The person's address, carried through {@code web}. A page's anonymous API calls
 * (sign-up, login help, public search) reach the gateway from {@code web}'s address, so
 * without this every visitor would share one rate-limit bucket: one client hammering the
 * sign-up page would refuse everyone's sign-up. The gateway seals the address it resolved
 * for a page request ({@code X-Worklib-Client-Address: <address>|<expiry>|<HMAC>}) when
 * it sends the request to {@code web}; {@code web} copies the header onto the API calls
 * that page makes; the gateway keys their bucket by the sealed address when the seal is
 * its own and fresh. Nobody else can mint one: the key never leaves the gateways (they
 * share it with {@code GATEWAY_CLIENT_ADDRESS_KEY}; alone, a gateway makes one up at
 * start), and a header a client sends is dropped like every internal header.
 */
@Component
class ClientAddressSeal {

	static final String HEADER = "X-Worklib-Client-Address";

	/** A page is rendered within seconds of its request; this leaves ample margin. */
	static final long VALIDITY_SECONDS = 300;

	private static final Logger log = LoggerFactory.getLogger(ClientAddressSeal.class);

	private final SecretKeySpec key;

	private final Clock clock;

	ClientAddressSeal(@Value("${worklib.gateway.client-address-key:}") String key, Clock clock) {
		byte[] bytes;
		if (key == null || key.isBlank()) {
			bytes = new byte[32];
			new SecureRandom().nextBytes(bytes);
			log.info("No GATEWAY_CLIENT_ADDRESS_KEY: this gateway seals client addresses with a key of its own; "
					+ "set one shared key when several gateways serve web");
		}
		else {
			bytes = key.getBytes(StandardCharsets.UTF_8);
			if (bytes.length < 32) {
				throw new IllegalStateException("GATEWAY_CLIENT_ADDRESS_KEY must be at least 32 characters");
			}
		}
		this.key = new SecretKeySpec(bytes, "HmacSHA256");
		this.clock = clock;
	}

	String seal(String address) {
		long expires = this.clock.instant().getEpochSecond() + VALIDITY_SECONDS;
		String claim = address + "|" + expires;
		return claim + "|" + mac(claim);
	}

	/** The sealed address, when the seal is this gateway's and has not expired. */
	Optional<String> open(String sealed) {
		if (sealed == null || sealed.length() > 200) {
			return Optional.empty();
		}
		int last = sealed.lastIndexOf('|');
		int first = sealed.indexOf('|');
		if (first <= 0 || last == first) {
			return Optional.empty();
		}
		String claim = sealed.substring(0, last);
		byte[] expected = mac(claim).getBytes(StandardCharsets.US_ASCII);
		byte[] given = sealed.substring(last + 1).getBytes(StandardCharsets.US_ASCII);
		if (!MessageDigest.isEqual(expected, given)) {
			return Optional.empty();
		}
		long expires;
		try {
			expires = Long.parseLong(claim.substring(first + 1));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
		if (this.clock.instant().getEpochSecond() > expires) {
			return Optional.empty();
		}
		return Optional.of(claim.substring(0, first));
	}

	private String mac(String claim) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(mac.doFinal(claim.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
