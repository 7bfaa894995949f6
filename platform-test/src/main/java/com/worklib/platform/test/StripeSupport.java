package com.worklib.platform.test;

import com.worklib.stripe.emulator.StripeEmulator;

/** One Stripe emulator per JVM. */
public final class StripeSupport {

	public static final String TEST_SECRET_KEY = "sk_test_worklib_emulator";

	private static volatile StripeEmulator emulator;

	private StripeSupport() {
	}

	public static StripeEmulator emulator() {
		StripeEmulator e = emulator;
		if (e == null) {
			synchronized (StripeSupport.class) {
				e = emulator;
				if (e == null) {
					e = new StripeEmulator(0).start();
					Runtime.getRuntime().addShutdownHook(new Thread(e::close));
					emulator = e;
				}
			}
		}
		return e;
	}

}
