/**
 * How payment provider failures reach clients: 503 when Stripe cannot be reached, its
 * refusals as problems.
 */
package com.worklib.payment.provider.web;
