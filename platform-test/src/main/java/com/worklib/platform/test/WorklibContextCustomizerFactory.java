package com.worklib.platform.test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Wires the {@code @With…} annotations into Spring test contexts. A class with
 * {@link WithPostgres} gets its own context and its own database, so test classes never
 * see each other's rows.
 */
class WorklibContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		boolean postgres = has(testClass, WithPostgres.class);
		boolean kafka = has(testClass, WithKafka.class);
		boolean keycloak = has(testClass, WithKeycloak.class);
		boolean smtp = has(testClass, WithSmtp.class);
		boolean stripe = has(testClass, WithStripeEmulator.class);
		if (!(postgres || kafka || keycloak || smtp || stripe)) {
			return null;
		}
		return new Customizer(postgres ? testClass.getName() : null, kafka, keycloak, smtp, stripe);
	}

	private static boolean has(Class<?> testClass, Class<? extends java.lang.annotation.Annotation> annotation) {
		return TestContextAnnotationUtils.hasAnnotation(testClass, annotation);
	}

	record Customizer(String databaseOwner, boolean kafka, boolean keycloak, boolean smtp,
			boolean stripe) implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			Map<String, Object> properties = new LinkedHashMap<>();
			if (this.databaseOwner != null) {
				String simpleName = this.databaseOwner.substring(this.databaseOwner.lastIndexOf('.') + 1);
				PostgresSupport.Database database = PostgresSupport.freshDatabase(simpleName);
				properties.put("spring.datasource.url", database.jdbcUrl());
				properties.put("spring.datasource.username", database.username());
				properties.put("spring.datasource.password", database.password());
			}
			if (this.kafka) {
				properties.put("spring.kafka.bootstrap-servers", KafkaSupport.bootstrapServers());
			}
			if (this.keycloak) {
				KeycloakServer server = KeycloakSupport.server();
				properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", server.issuer());
				properties.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", server.jwksUri());
				properties.put("worklib.keycloak.url", server.directUrl());
			}
			if (this.smtp) {
				properties.put("spring.mail.host", "127.0.0.1");
				properties.put("spring.mail.port", MailSupport.smtpPort());
			}
			if (this.stripe) {
				properties.put("worklib.stripe.api-base", StripeSupport.emulator().baseUrl());
				properties.put("worklib.stripe.secret-key", StripeSupport.TEST_SECRET_KEY);
				properties.put("worklib.stripe.webhook-secret", StripeSupport.TEST_WEBHOOK_SECRET);
			}
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("worklibTestInfra", properties));
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Customizer c && Objects.equals(this.databaseOwner, c.databaseOwner)
					&& this.kafka == c.kafka && this.keycloak == c.keycloak && this.smtp == c.smtp
					&& this.stripe == c.stripe;
		}

		@Override
		public int hashCode() {
			return Objects.hash(this.databaseOwner, this.kafka, this.keycloak, this.smtp, this.stripe);
		}

	}

}
