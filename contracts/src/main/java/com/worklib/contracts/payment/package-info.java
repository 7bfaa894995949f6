/** Payloads published by payment-service. */
package com.worklib.contracts.payment;
