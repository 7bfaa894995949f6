/**
 * "Factures" and "Paramètres": the month's statement, invoices with the price explained
 * to the cent and their PDF, billing information and the self-billing mandate, Stripe
 * onboarding, the payout-readiness panel and the payouts. What a role may see is the
 * API's answer; the pages only say it in words.
 */
package com.worklib.web.partner.billing;
