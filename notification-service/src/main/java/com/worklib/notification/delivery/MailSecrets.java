package com.worklib.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Single-use tokens (verification and invitation links) never lie in the delivery log in
 * clear: before a mail is queued, every {@code token=…} value of its bodies is replaced
 * by a placeholder and the values are sealed with AES-GCM under
 * {@code worklib.notification.secrets-key}, bound to the delivery id; they are unsealed
 * only to send the mail, and the sealed column is cleared once the mail is sent or given
 * up. A copy of the database, or ops reading it, holds no usable link. Plain JCA: the JDK
 * has AES-GCM, and this needs nothing more.
 */
@Component
class MailSecrets {

	/** A token query parameter in a text or HTML body ({@code &amp;token=} in HTML). */
	static final Pattern TOKEN = Pattern.compile("([?&;]token=)([A-Za-z0-9_-]+)");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{secret-(\\d+)}}");

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecretKey key;

	private final SecureRandom random = new SecureRandom();

	MailSecrets(@Value("${worklib.notification.secrets-key}") String base64Key) {
		byte[] raw = Base64.getDecoder().decode(base64Key.trim());
		if (raw.length != 32) {
			throw new IllegalStateException(
					"worklib.notification.secrets-key (NOTIFICATION_SECRETS_KEY) must be 32 bytes in base64, is "
							+ raw.length);
		}
		this.key = new SecretKeySpec(raw, "AES");
	}

	/** Bodies with placeholders, and the sealed secrets (null when there were none). */
	record Sealed(String text, String html, String secrets) {
	}

	Sealed seal(UUID deliveryId, String text, String html) {
		List<String> secrets = new ArrayList<>();
		String sealedText = replaceTokens(text, secrets);
		String sealedHtml = replaceTokens(html, secrets);
		if (secrets.isEmpty()) {
			return new Sealed(text, html, null);
		}
		return new Sealed(sealedText, sealedHtml, encrypt(deliveryId, String.join("\n", secrets)));
	}

	/** The body as it is sent, with its tokens back in place. */
	String unseal(UUID deliveryId, String body, String secrets) {
		if (secrets == null) {
			return body;
		}
		List<String> values = List.of(decrypt(deliveryId, secrets).split("\n"));
		Matcher m = PLACEHOLDER.matcher(body);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			m.appendReplacement(out, Matcher.quoteReplacement(values.get(Integer.parseInt(m.group(1)))));
		}
		m.appendTail(out);
		return out.toString();
	}

	private static String replaceTokens(String body, List<String> secrets) {
		Matcher m = TOKEN.matcher(body);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			int index = secrets.indexOf(m.group(2));
			if (index < 0) {
				secrets.add(m.group(2));
				index = secrets.size() - 1;
			}
			m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + "{{secret-" + index + "}}"));
		}
		m.appendTail(out);
		return out.toString();
	}

	private String encrypt(UUID deliveryId, String plain) {
		try {
			byte[] iv = new byte[IV_BYTES];
			this.random.nextBytes(iv);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, iv));
			cipher.updateAAD(deliveryId.toString().getBytes(StandardCharsets.US_ASCII));
			byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			byte[] out = new byte[IV_BYTES + sealed.length];
			System.arraycopy(iv, 0, out, 0, IV_BYTES);
			System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
			return Base64.getEncoder().encodeToString(out);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot seal a mail's secrets", ex);
		}
	}

	private String decrypt(UUID deliveryId, String sealed) {
		try {
			byte[] in = Base64.getDecoder().decode(sealed);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
			cipher.updateAAD(deliveryId.toString().getBytes(StandardCharsets.US_ASCII));
			return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The mail's secrets cannot be unsealed (another key?)", ex);
		}
	}

}
