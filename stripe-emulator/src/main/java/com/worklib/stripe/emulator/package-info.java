/**
 * An emulator of the parts of Stripe's HTTP API that Worklib uses (Connect accounts,
 * account links, transfers), served by WireMock so the real {@code stripe-java} client
 * talks to it unchanged.
 */
package com.worklib.stripe.emulator;
