package com.worklib.platform.messaging;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.worklib.platform.security.CurrentUser;

/**
 * Ops only: {@code GET <api base>/ops/dead-letters} lists what this service's consumers
 * gave up on; {@code POST <api base>/ops/dead-letters/replays {topic, partition, offset}}
 * sends one back to its topic, once.
 */
@RestController
class DeadLetterController {

	private final DeadLetters deadLetters;

	DeadLetterController(DeadLetters deadLetters) {
		this.deadLetters = deadLetters;
	}

	record DeadLetterList(List<DeadLetters.DeadLetter> items) {
	}

	record ReplayRequest(
			@NotBlank @Pattern(regexp = "^[a-z0-9.-]{1,120}\\.dlt$",
					message = "must be a dead-letter topic (<topic>.dlt)") String topic,
			@NotNull @Min(0) Integer partition, @NotNull @Min(0) Long offset) {
	}

	@GetMapping("${worklib.api.base-path}/ops/dead-letters")
	DeadLetterList list() {
		CurrentUser.requireOps("Only ops read dead letters");
		return new DeadLetterList(this.deadLetters.list());
	}

	@PostMapping("${worklib.api.base-path}/ops/dead-letters/replays")
	@ResponseStatus(HttpStatus.CREATED)
	DeadLetters.DeadLetter replay(@Valid @RequestBody ReplayRequest request) {
		CurrentUser user = CurrentUser.requireOps("Only ops replay dead letters");
		return this.deadLetters.replay(request.topic(), request.partition(), request.offset(), user.userId());
	}

}
