package com.worklib.platform.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Import;

import com.worklib.platform.security.MembershipConfiguration;

/**
 * Endpoints every service exposes under its API base path
 * ({@code worklib.api.base-path}).
 */
@AutoConfiguration(after = MembershipConfiguration.class)
@ConditionalOnProperty(name = "worklib.api.base-path")
@Import(WhoAmIController.class)
public class ApiBasicsConfiguration {

}
