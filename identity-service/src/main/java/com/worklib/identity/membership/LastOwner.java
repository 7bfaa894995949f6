package com.worklib.identity.membership;

import com.worklib.platform.domain.RuleViolationException;

/**
 * A partner keeps at least one active OWNER: the last one can be neither demoted nor
 * removed.
 */
public class LastOwner extends RuleViolationException {

	LastOwner(String detail) {
		super("last-owner", detail);
	}

}
