/** HTTP for Stripe's signed webhooks. */
package com.worklib.payment.webhook.web;
