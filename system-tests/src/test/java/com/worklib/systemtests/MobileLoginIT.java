package com.worklib.systemtests;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mobile app's login as the app does it, through the gateway: authorization code with
 * PKCE (S256) for the public client {@code worklib-mobile}, Keycloak's real login form
 * filled, the code redeemed with its verifier, then the employees' API called with the
 * token. No browser: the HTTP exchanges a system browser would make.
 */
@ExtendWith(PlatformExtension.class)
@Order(2)
class MobileLoginIT {

	static final String REDIRECT = "com.worklib.app:/oauth2redirect";

	static final String REALM = Platform.GATEWAY + "/auth/realms/worklib/protocol/openid-connect";

	static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	@Test
	void theMobileAppLogsInWithAuthorizationCodeAndPkceAndBooksWithTheToken() throws Exception {
		String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(new SecureRandom().generateSeed(32));
		// a stolen code without its verifier is worth nothing
		assertThat(token(code(verifier), "not-the-verifier-" + verifier).statusCode()).isEqualTo(400);

		HttpResponse<String> token = token(code(verifier), verifier);
		assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
		String access = Client.JSON.readTree(token.body()).get("access_token").asString();
		String payload = new String(Base64.getUrlDecoder().decode(access.split("\\.")[1]), StandardCharsets.UTF_8);
		assertThat(payload).contains("worklib-api").contains("\"employee\"").contains("\"azp\":\"worklib-mobile\"");
		HttpResponse<String> mine = HTTP
			.send(HttpRequest.newBuilder(URI.create(Platform.GATEWAY + "/api/bookings/v1/me/bookings"))
				.header("Authorization", "Bearer " + access)
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(mine.statusCode()).as(mine.body()).isEqualTo(200);

		// without a code challenge Keycloak refuses to start the flow
		HttpResponse<String> plain = HTTP.send(HttpRequest
			.newBuilder(
					URI.create(REALM + "/auth?client_id=worklib-mobile&response_type=code&scope=openid&redirect_uri="
							+ URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(plain.headers().firstValue("Location").orElse(plain.body())).contains("error=invalid_request")
			.contains("code_challenge");
	}

	/**
	 * The login form filled as the dev employee; the code Keycloak sends the app back.
	 */
	static String code(String verifier) throws Exception {
		byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
		String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		HttpResponse<String> form = HTTP.send(HttpRequest.newBuilder(URI.create(REALM
				+ "/auth?client_id=worklib-mobile&response_type=code&scope=openid&state=s1&code_challenge_method=S256"
				+ "&code_challenge=" + challenge + "&redirect_uri="
				+ URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
		// Keycloak's cookies are Secure: a browser still sends them to localhost over
		// http,
		// Java's cookie store would not, so they are carried by hand
		String cookies = form.headers()
			.allValues("Set-Cookie")
			.stream()
			.map(c -> c.split(";")[0])
			.collect(Collectors.joining("; "));
		Matcher action = Pattern.compile("action=\"([^\"]+)\"").matcher(form.body());
		assertThat(action.find()).as("the login form").isTrue();
		String login = "username=" + URLEncoder.encode("employee@worklib.test", StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(PartnersMonthIT.DEV_PASSWORD, StandardCharsets.UTF_8);
		HttpResponse<String> back = HTTP.send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", cookies)
			.POST(HttpRequest.BodyPublishers.ofString(login))
			.build(), HttpResponse.BodyHandlers.ofString());
		String location = back.headers().firstValue("Location").orElseThrow(() -> new AssertionError(back.body()));
		assertThat(location).startsWith(REDIRECT + "?").contains("state=s1");
		return location.replaceAll(".*[?&]code=([^&]+).*", "$1");
	}

	static HttpResponse<String> token(String code, String verifier) throws Exception {
		String body = "grant_type=authorization_code&client_id=worklib-mobile&code=" + code + "&code_verifier="
				+ verifier + "&redirect_uri=" + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8);
		return HTTP.send(HttpRequest.newBuilder(URI.create(REALM + "/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
