/**
 * Partners' Stripe connected accounts: onboarding (KYC) links and the payout-readiness
 * state Stripe reports.
 */
package com.worklib.payment.account;
