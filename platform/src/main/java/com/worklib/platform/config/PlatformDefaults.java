package com.worklib.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code worklib-platform-defaults.properties} behind every other property source,
 * so each service shares one set of defaults (Kafka serializers, probes, Prometheus, JSON
 * logs, Flyway locations) and overrides only what differs. Also refuses to start a
 * service whose dev clock is enabled under the {@code prod} profile.
 */
public class PlatformDefaults implements EnvironmentPostProcessor, Ordered {

	static final String RESOURCE = "worklib-platform-defaults.properties";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		try {
			for (PropertySource<?> source : new PropertiesPropertySourceLoader().load("worklibPlatformDefaults",
					new ClassPathResource(RESOURCE))) {
				environment.getPropertySources().addLast(source);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		boolean prod = Arrays.asList(environment.getActiveProfiles()).contains("prod");
		if (prod && environment.getProperty("worklib.dev-clock.enabled", Boolean.class, false)) {
			throw new IllegalStateException(
					"worklib.dev-clock.enabled=true is refused under the prod profile: the clock must be the system clock");
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
