package com.worklib.venue.establishment.web;

import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.worklib.platform.security.CurrentUser;
import com.worklib.platform.web.PageResponse.PageQuery;
import com.worklib.platform.web.PageResponse;
import com.worklib.venue.establishment.Establishment;
import com.worklib.venue.establishment.EstablishmentService;

@RestController
@RequestMapping("/api/venues/v1")
class EstablishmentController {

	private final EstablishmentService establishments;

	EstablishmentController(EstablishmentService establishments) {
		this.establishments = establishments;
	}

	@GetMapping("/partners/{partnerId}/establishments")
	PageResponse<EstablishmentResponse> ofPartner(@PathVariable UUID partnerId,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		PageQuery query = PageQuery.of(page, size);
		var items = this.establishments.ofPartner(partnerId, query.offset(), query.size(), CurrentUser.get())
			.stream()
			.map(e -> EstablishmentResponse.of(e, true))
			.toList();
		return PageResponse.of(items, query, this.establishments.countOfPartner(partnerId));
	}

	@PostMapping("/partners/{partnerId}/establishments")
	@ResponseStatus(HttpStatus.CREATED)
	EstablishmentResponse create(@PathVariable UUID partnerId, @Valid @RequestBody EstablishmentRequest request) {
		return EstablishmentResponse.of(this.establishments.create(partnerId, request.toDetails(), CurrentUser.get()),
				true);
	}

	@GetMapping("/establishments/{establishmentId}")
	EstablishmentResponse get(@PathVariable UUID establishmentId) {
		Establishment establishment = this.establishments.get(establishmentId);
		return EstablishmentResponse.of(establishment,
				this.establishments.seesPartnerData(CurrentUser.optional().orElse(null), establishment.partnerId()));
	}

	@PutMapping("/establishments/{establishmentId}")
	EstablishmentResponse update(@PathVariable UUID establishmentId, @Valid @RequestBody EstablishmentRequest request) {
		return EstablishmentResponse
			.of(this.establishments.update(establishmentId, request.toDetails(), CurrentUser.get()), true);
	}

}
