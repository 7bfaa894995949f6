/**
 * Billing information and the self-billing mandate.
 */
package com.worklib.billing.profile;
