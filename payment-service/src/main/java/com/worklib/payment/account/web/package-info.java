/** HTTP for a partner's Stripe connected account and onboarding link. */
package com.worklib.payment.account.web;
