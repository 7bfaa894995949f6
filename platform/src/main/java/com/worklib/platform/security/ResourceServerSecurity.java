package com.worklib.platform.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.JwkSetUriJwtDecoderBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;

import com.worklib.platform.web.Problems;

/**
 * The default security of a Worklib service: stateless JWT resource server, health and
 * metrics open, the OpenAPI document open, the dev clock open (it only exists in the dev
 * profile), {@code worklib.security.public-paths} open, everything else authenticated.
 * 401 and 403 are problem details too.
 */
@AutoConfiguration
@EnableConfigurationProperties(ResourceServerSecurity.SecurityProperties.class)
public class ResourceServerSecurity {

	@Bean
	@ConditionalOnMissingBean(SecurityFilterChain.class)
	SecurityFilterChain worklibSecurityFilterChain(HttpSecurity http, SecurityProperties properties,
			JsonMapper jsonMapper) throws Exception {
		http.csrf(csrf -> csrf.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests(auth -> {
				auth.requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info",
						"/actuator/prometheus", "/dev/**", "/error", "/v3/api-docs", "/v3/api-docs/**")
					.permitAll();
				for (String entry : properties.publicPaths()) {
					// "GET /path" opens one method; "/path" every method
					String[] parts = entry.trim().split("\\s+", 2);
					if (parts.length == 2) {
						auth.requestMatchers(HttpMethod.valueOf(parts[0]), parts[1]).permitAll();
					}
					else {
						auth.requestMatchers(parts[0]).permitAll();
					}
				}
				auth.anyRequest().authenticated();
			})
			.oauth2ResourceServer(rs -> rs.jwt(jwt -> jwt.jwtAuthenticationConverter(jwtAuthenticationConverter()))
				.withObjectPostProcessor(keysUnreachableAre503(jsonMapper))
				.authenticationEntryPoint((request, response, ex) -> write(response, jsonMapper,
						Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
								"A valid bearer token is required")))
				.accessDeniedHandler((request, response, ex) -> write(response, jsonMapper,
						Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "You are not allowed to do this"))))
			.exceptionHandling(e -> e
				.authenticationEntryPoint((request, response, ex) -> write(response, jsonMapper,
						Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
								"A valid bearer token is required")))
				.accessDeniedHandler((request, response, ex) -> write(response, jsonMapper,
						Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "You are not allowed to do this"))))
			.httpBasic(b -> b.disable())
			.formLogin(f -> f.disable())
			.headers(Customizer.withDefaults());
		return http.build();
	}

	/**
	 * A token that cannot be checked because the signing keys cannot be fetched (Keycloak
	 * away, and no keys held yet) is the platform's trouble, not the client's: 503
	 * problem with {@code Retry-After}, not a 401 that would send the client to log in
	 * again, nor a bare 500.
	 */
	private static ObjectPostProcessor<BearerTokenAuthenticationFilter> keysUnreachableAre503(JsonMapper jsonMapper) {
		return new ObjectPostProcessor<>() {
			@Override
			public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
				AuthenticationEntryPoint unauthorized = (request, response, ex) -> write(response, jsonMapper, Problems
					.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", "A valid bearer token is required"));
				filter.setAuthenticationFailureHandler((request, response, ex) -> {
					if (ex instanceof AuthenticationServiceException) {
						response.setHeader("Retry-After", "5");
						write(response, jsonMapper, Problems.of(HttpStatus.SERVICE_UNAVAILABLE,
								"dependency-unavailable", "Service Unavailable",
								"Sign-in cannot be checked right now; nothing was done. Try again in a few seconds."));
					}
					else {
						unauthorized.commence(request, response, ex);
					}
				});
				return filter;
			}
		};
	}

	/**
	 * Keycloak's keys kept through its outages ({@link OutageTolerantKeys}) in the
	 * decoder Spring Boot builds from {@code jwk-set-uri}.
	 */
	@Bean
	static OutageTolerantKeys worklibSigningKeys(
			@Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri}") String jwkSetUri) {
		return new OutageTolerantKeys(jwkSetUri);
	}

	@Bean
	static JwkSetUriJwtDecoderBuilderCustomizer worklibOutageTolerantKeys(OutageTolerantKeys keys) {
		return keys.customizer();
	}

	/**
	 * Wraps the decoder Spring Boot configures from {@code spring.security.oauth2.*}
	 * (issuer, JWKS, expiry) so that a token validated once is not verified again on each
	 * request until it expires ({@link VerifiedTokenCache}).
	 */
	@Bean
	static BeanPostProcessor worklibVerifiedTokenCache(ObjectProvider<Clock> clock) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof JwtDecoder decoder && !(bean instanceof CachingJwtDecoder)) {
					return new CachingJwtDecoder(decoder, new VerifiedTokenCache(10_000, Duration.ofMinutes(15),
							() -> clock.getIfAvailable(Clock::systemUTC)));
				}
				return bean;
			}
		};
	}

	static JwtAuthenticationConverter jwtAuthenticationConverter() {
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(jwt -> CurrentUser.authorities(jwt)
			.stream()
			.map(a -> (org.springframework.security.core.GrantedAuthority) new SimpleGrantedAuthority(a))
			.toList());
		return converter;
	}

	private static void write(HttpServletResponse response, JsonMapper mapper, ProblemDetail problem)
			throws IOException {
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		if (problem.getStatus() == 401) {
			response.setHeader("WWW-Authenticate", "Bearer");
		}
		mapper.writeValue(response.getOutputStream(), problem);
	}

	/**
	 * @param publicPaths request matcher patterns answered without a token
	 */
	@ConfigurationProperties("worklib.security")
	public record SecurityProperties(List<String> publicPaths) {

		public SecurityProperties {
			publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
		}

	}

}
