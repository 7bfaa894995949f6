package com.worklib.platform.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import com.worklib.platform.app.PlatformTestApp;
import com.worklib.platform.test.WithKafka;
import com.worklib.platform.test.WithPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** In the dev profile a person moves the clock every scheduled job reads. */
@SpringBootTest(classes = PlatformTestApp.class, properties = "worklib.dev-clock.enabled=true")
@ActiveProfiles("dev")
@AutoConfigureMockMvc
@WithPostgres
@WithKafka
class DevClockIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	Clock clock;

	@Test
	void movesAndResetsTheInjectedClock() throws Exception {
		this.mvc
			.perform(put("/dev/clock").contentType(MediaType.APPLICATION_JSON)
				.content("{\"instant\":\"2027-03-01T08:00:00+01:00\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.moved").value(true));
		assertThat(Duration.between(Instant.parse("2027-03-01T07:00:00Z"), this.clock.instant()))
			.isBetween(Duration.ZERO, Duration.ofSeconds(30));
		this.mvc.perform(get("/dev/clock"))
			.andExpect(jsonPath("$.now").value(org.hamcrest.Matchers.startsWith("2027-03-01T07:00")));

		this.mvc.perform(delete("/dev/clock")).andExpect(status().isOk()).andExpect(jsonPath("$.moved").value(false));
		assertThat(Duration.between(Instant.now(), this.clock.instant()).abs()).isLessThan(Duration.ofSeconds(5));
	}

	@Test
	void refusesSomethingThatIsNotAnInstant() throws Exception {
		this.mvc
			.perform(put("/dev/clock").contentType(MediaType.APPLICATION_JSON).content("{\"instant\":\"tomorrow\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value("'tomorrow' is not an ISO-8601 instant"));
	}

}
