package com.worklib.platform.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

import com.worklib.platform.security.MembershipConfiguration;

/**
 * Endpoints every service exposes under its API base path
 * ({@code worklib.api.base-path}), and the correlation id in every request's log lines.
 */
@AutoConfiguration(after = MembershipConfiguration.class)
@ConditionalOnProperty(name = "worklib.api.base-path")
@Import(WhoAmIController.class)
public class ApiBasicsConfiguration {

	@Bean
	FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
		FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(
				new CorrelationIdFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	/**
	 * Every list's {@code page} and {@code size} say their limits in the service's
	 * OpenAPI document, as {@link PageResponse.PageQuery} enforces them.
	 */
	@Bean
	org.springdoc.core.customizers.OperationCustomizer pagingParameterDocs() {
		return (operation, handler) -> {
			if (operation.getParameters() != null) {
				for (var parameter : operation.getParameters()) {
					if ("page".equals(parameter.getName())) {
						parameter.setDescription("0-based page; page * size is at most " + PageResponse.MAX_OFFSET
								+ " rows (400 beyond: narrow the list with its filters)");
					}
					else if ("size".equals(parameter.getName())) {
						parameter.setDescription("rows per page, 1 to " + PageResponse.MAX_SIZE + " (default 50)");
					}
				}
			}
			return operation;
		};
	}

}
