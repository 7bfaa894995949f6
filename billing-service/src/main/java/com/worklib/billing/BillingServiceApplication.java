package com.worklib.billing;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * billing-service: owns billing profiles, self-billing mandates, billable items,
 * invoices, invoice series, closings.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BillingServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(BillingServiceApplication.class, args);
	}

}
