package com.worklib.platform.config;

import tools.jackson.databind.DeserializationFeature;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import com.worklib.platform.web.ProblemDetailsAdvice;

/**
 * Request bodies with unknown properties are refused (mass assignment): a client that
 * sends {@code status} or {@code partnerId} where the server owns it gets a 400 naming
 * the property.
 */
@AutoConfiguration
@Import(ProblemDetailsAdvice.class)
public class JsonConfiguration {

	@Bean
	JsonMapperBuilderCustomizer worklibStrictJson() {
		return builder -> builder.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
	}

}
