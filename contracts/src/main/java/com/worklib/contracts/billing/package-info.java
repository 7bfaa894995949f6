/** Payloads published by billing-service. */
package com.worklib.contracts.billing;
