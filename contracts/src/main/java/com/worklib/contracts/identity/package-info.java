/** Payloads published by identity-service. */
package com.worklib.contracts.identity;
