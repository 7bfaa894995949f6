package com.worklib.venue.workspace.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.worklib.platform.security.CurrentUser;
import com.worklib.platform.web.PageResponse;
import com.worklib.venue.workspace.WorkspaceService;

@RestController
@RequestMapping("/api/venues/v1")
class WorkspaceController {

	private final WorkspaceService workspaces;

	WorkspaceController(WorkspaceService workspaces) {
		this.workspaces = workspaces;
	}

	@GetMapping("/establishments/{establishmentId}/workspaces")
	PageResponse<WorkspaceResponse> ofEstablishment(@PathVariable UUID establishmentId) {
		List<WorkspaceResponse> items = this.workspaces
			.ofEstablishment(establishmentId, CurrentUser.optional().orElse(null))
			.stream()
			.map(WorkspaceResponse::of)
			.toList();
		return PageResponse.all(items);
	}

	@PostMapping("/establishments/{establishmentId}/workspaces")
	@ResponseStatus(HttpStatus.CREATED)
	WorkspaceResponse create(@PathVariable UUID establishmentId, @Valid @RequestBody WorkspaceRequest request) {
		CurrentUser user = CurrentUser.get();
		return WorkspaceResponse
			.of(this.workspaces.priced(this.workspaces.create(establishmentId, request.toDetails(), user), user));
	}

	@GetMapping("/workspaces/{workspaceId}")
	WorkspaceResponse get(@PathVariable UUID workspaceId) {
		return WorkspaceResponse.of(this.workspaces.get(workspaceId, CurrentUser.optional().orElse(null)));
	}

	@PutMapping("/workspaces/{workspaceId}")
	WorkspaceResponse update(@PathVariable UUID workspaceId, @Valid @RequestBody WorkspaceRequest request) {
		CurrentUser user = CurrentUser.get();
		return WorkspaceResponse
			.of(this.workspaces.priced(this.workspaces.update(workspaceId, request.toDetails(), user), user));
	}

}
