package com.worklib.notification.delivery.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.worklib.notification.delivery.Deliveries;
import com.worklib.platform.security.CurrentUser;
import com.worklib.platform.web.FieldValidationException;
import com.worklib.platform.web.PageResponse;

/** Ops: what was sent to an address, what is still retrying, what FAILED and why. */
@RestController
@RequestMapping("${worklib.api.base-path}/deliveries")
class DeliveryController {

	private final Deliveries deliveries;

	DeliveryController(Deliveries deliveries) {
		this.deliveries = deliveries;
	}

	@GetMapping
	PageResponse<Deliveries.Delivery> deliveries(@RequestParam(required = false) String recipient) {
		CurrentUser.requireOps("Only Worklib operations read the delivery log");
		if (recipient == null || recipient.isBlank()) {
			throw FieldValidationException.of("recipient", "is required: the address whose mails to list");
		}
		List<Deliveries.Delivery> found = this.deliveries.toRecipient(recipient.trim(), 200);
		return PageResponse.all(found);
	}

}
