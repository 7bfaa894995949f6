package com.worklib.platform.domain;

/** The resource's state does not allow this now. */
public class ConflictException extends DomainException {

	public ConflictException(String detail) {
		this("conflict", detail);
	}

	protected ConflictException(String type, String detail) {
		super(Refusal.CONFLICT, type, detail);
	}

}
