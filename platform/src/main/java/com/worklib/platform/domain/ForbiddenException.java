package com.worklib.platform.domain;

/** The caller may see the resource but not do this. */
public class ForbiddenException extends DomainException {

	public ForbiddenException(String detail) {
		this("forbidden", detail);
	}

	public ForbiddenException(String type, String detail) {
		super(Refusal.FORBIDDEN, type, detail);
	}

}
