package com.worklib.platform.security;

import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.worklib.platform.app.PlatformTestApp;
import com.worklib.platform.test.WithKafka;
import com.worklib.platform.test.WithPostgres;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A service that never got Keycloak's keys and cannot reach it (it started during an
 * outage) tells the client to retry: a 503 problem, not a 401 that would log the person
 * out, nor the bare 500 it used to answer (fault 6).
 */
@SpringBootTest(classes = PlatformTestApp.class,
		properties = "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:9/certs")
@AutoConfigureMockMvc
@WithPostgres
@WithKafka
class UnreachableSigningKeysIT {

	@Autowired
	MockMvc mvc;

	@Test
	void aTokenThatCannotBeCheckedForWantOfKeysIsA503Problem() throws Exception {
		RSAKey key = new RSAKeyGenerator(2048).keyID("kc-1").generate();
		SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("kc-1").build(),
				new JWTClaimsSet.Builder().issuer("http://localhost:8080/auth/realms/worklib")
					.subject(UUID.randomUUID().toString())
					.expirationTime(Date.from(Instant.now().plusSeconds(300)))
					.build());
		token.sign(new RSASSASigner(key));
		this.mvc.perform(get("/crash").header("Authorization", "Bearer " + token.serialize()))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "5"))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://docs.worklib.example/problems/dependency-unavailable"));
	}

}
