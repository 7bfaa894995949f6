package com.worklib.identity.user;

import com.worklib.platform.domain.GoneException;

/** A one-time link (email verification, invitation) that was used, revoked or expired. */
public class LinkGone extends GoneException {

	public LinkGone(String detail) {
		super("link-gone", detail);
	}

}
