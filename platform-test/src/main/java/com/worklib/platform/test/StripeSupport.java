package com.worklib.platform.test;

import com.worklib.stripe.emulator.StripeEmulator;

/** One Stripe emulator per JVM. */
public final class StripeSupport {

	public static final String TEST_SECRET_KEY = "sk_test_worklib_emulator";

	public static final String TEST_WEBHOOK_SECRET = StripeEmulator.DEFAULT_WEBHOOK_SECRET;

	private static final JvmSingleton<StripeEmulator> EMULATOR = new JvmSingleton<>(() -> new StripeEmulator(0).start(),
			StripeEmulator::close);

	private StripeSupport() {
	}

	public static StripeEmulator emulator() {
		return EMULATOR.get();
	}

}
