package com.worklib.venue;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * venue-service: owns partners, establishments, workspaces, prices, booking contacts,
 * Neo-nomade imports.
 */
@SpringBootApplication
public class VenueServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(VenueServiceApplication.class, args);
	}

}
