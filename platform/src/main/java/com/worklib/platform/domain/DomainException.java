package com.worklib.platform.domain;

/**
 * A request a feature refuses, with a stable type (the problem type's last segment) and a
 * detail that names what is wrong. Subclasses say which kind of refusal it is; a
 * service's own refusals extend them ({@code SlotTaken}, {@code NotCancellable}).
 */
public abstract class DomainException extends RuntimeException {

	/** What kind of refusal: the web layer chooses the status from it. */
	public enum Refusal {

		/** Unknown, or not visible to the caller. */
		NOT_FOUND,
		/** The caller may see it but not do this. */
		FORBIDDEN,
		/** The resource's state does not allow it now (a slot taken, a status). */
		CONFLICT,
		/** It existed and is gone for good (a used or expired link). */
		GONE,
		/** A business rule refuses it. */
		RULE

	}

	private final Refusal refusal;

	private final String type;

	protected DomainException(Refusal refusal, String type, String detail) {
		super(detail);
		this.refusal = refusal;
		this.type = type;
	}

	public Refusal refusal() {
		return this.refusal;
	}

	public String type() {
		return this.type;
	}

}
