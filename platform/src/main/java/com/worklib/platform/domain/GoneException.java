package com.worklib.platform.domain;

/** What the request names existed and is gone for good. */
public class GoneException extends DomainException {

	public GoneException(String type, String detail) {
		super(Refusal.GONE, type, detail);
	}

}
