package com.worklib.web.partner.listing;

import java.util.Set;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import com.worklib.web.api.UserApi;

/**
 * What the listing pages ask first: is this partner the caller's, is this establishment
 * or workspace that partner's (another's, under this partner's URL, is a 404 like any
 * unknown one), and may the caller edit. The API decides each; this only asks it.
 */
@Component
class Listing {

	static final Set<String> EDITORS = Set.of("OWNER", "MANAGER");

	private final UserApi api;

	Listing(UserApi api) {
		this.api = api;
	}

	/** A partner the caller is a member of, and one of its establishments. */
	record Owned(UserApi.Partner partner, UserApi.Establishment establishment) {
	}

	Owned owned(UUID partnerId, UUID establishmentId) {
		UserApi.Partner partner = this.api.partner(partnerId);
		UserApi.Establishment establishment = this.api.establishment(establishmentId);
		if (!partnerId.equals(establishment.partnerId())) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return new Owned(partner, establishment);
	}

	UserApi.Workspace workspace(Owned owned, UUID workspaceId) {
		UserApi.Workspace workspace = this.api.workspace(workspaceId);
		if (!owned.establishment().establishmentId().equals(workspace.establishmentId())) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return workspace;
	}

	boolean canEdit(UUID partnerId) {
		return EDITORS.contains(this.api.me().roleIn(partnerId));
	}

}
