package com.worklib.notification.delivery.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.worklib.notification.delivery.DeliveryRepository;
import com.worklib.platform.domain.FieldValidationException;
import com.worklib.platform.security.CurrentUser;
import com.worklib.platform.web.PageResponse;

/** Ops: what was sent to an address, what is still retrying, what FAILED and why. */
@RestController
@RequestMapping("${worklib.api.base-path}/deliveries")
class DeliveryController {

	private final DeliveryRepository deliveries;

	DeliveryController(DeliveryRepository deliveries) {
		this.deliveries = deliveries;
	}

	@GetMapping
	PageResponse<DeliveryResponse> deliveries(@RequestParam(required = false) String recipient) {
		CurrentUser.requireOps("Only Worklib operations read the delivery log");
		if (recipient == null || recipient.isBlank()) {
			throw FieldValidationException.of("recipient", "is required: the address whose mails to list");
		}
		List<DeliveryResponse> found = this.deliveries.toRecipient(recipient.trim(), 200)
			.stream()
			.map(DeliveryResponse::of)
			.toList();
		return PageResponse.all(found);
	}

	record DeliveryResponse(UUID deliveryId, String dedupeKey, String recipient, String template, String locale,
			String subject, String status, int attempts, String lastError, Instant createdAt, Instant nextAttemptAt,
			Instant sentAt) {

		static DeliveryResponse of(DeliveryRepository.Delivery d) {
			return new DeliveryResponse(d.deliveryId(), d.dedupeKey(), d.recipient(), d.template(), d.locale(),
					d.subject(), d.status().name(), d.attempts(), d.lastError(), d.createdAt(), d.nextAttemptAt(),
					d.sentAt());
		}

	}

}
