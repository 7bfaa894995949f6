package com.worklib.platform.time;

import java.time.Clock;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.worklib.platform.app.PlatformTestApp;
import com.worklib.platform.test.WithKafka;
import com.worklib.platform.test.WithPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Outside the dev profile the clock is the system clock and cannot be moved, even if
 * asked.
 */
@SpringBootTest(classes = PlatformTestApp.class, properties = "worklib.dev-clock.enabled=true")
@AutoConfigureMockMvc
@WithPostgres
@WithKafka
class NoDevClockIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	Clock clock;

	@Test
	void hasNoDevClockEndpointOutsideTheDevProfile() throws Exception {
		assertThat(this.clock).isNotInstanceOf(MovableClock.class);
		this.mvc
			.perform(put("/dev/clock").contentType(MediaType.APPLICATION_JSON)
				.content("{\"instant\":\"2027-03-01T08:00:00+01:00\"}"))
			.andExpect(status().is4xxClientError());
	}

}
