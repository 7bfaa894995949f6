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

}
