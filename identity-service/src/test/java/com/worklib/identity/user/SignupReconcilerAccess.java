package com.worklib.identity.user;

import org.springframework.context.ApplicationContext;

/**
 * Lets tests run the package-private reconciler now instead of waiting for its schedule.
 */
public record SignupReconcilerAccess(ApplicationContext context) {

	public int reconcile() {
		return this.context.getBean(SignupReconciler.class).reconcile();
	}

}
