package com.worklib.platform.domain;

/** A business rule refuses the request. */
public class RuleViolationException extends DomainException {

	public RuleViolationException(String type, String detail) {
		super(Refusal.RULE, type, detail);
	}

}
