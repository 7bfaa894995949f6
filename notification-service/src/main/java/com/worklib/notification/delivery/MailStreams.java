package com.worklib.notification.delivery;

/**
 * Jakarta Mail 2.1 looks its {@code StreamProvider} up again on every encoded header,
 * body part and multipart ({@code StreamProvider.provider()}, jakartaee/mail-api#699 and
 * #861): a {@code ServiceLoader} scan of every jar on the class path, each time. Under
 * the fault suite's booking load that scan was 47 % of notification-service's CPU (JFR,
 * 2026-12-04), so mails left slower than bookings queued them. The API reads a system
 * property before it scans; naming Angus Mail's provider there turns the scan into a
 * loaded-class lookup. A value already set (a JVM option) wins.
 */
final class MailStreams {

	static final String PROPERTY = "jakarta.mail.util.StreamProvider";

	/**
	 * Angus Mail's, the implementation Boot's mail starter brings (a runtime dependency).
	 */
	static final String ANGUS = "org.eclipse.angus.mail.util.MailStreamProvider";

	private MailStreams() {
	}

	static void skipTheServiceLoaderScan() {
		if (System.getProperty(PROPERTY) == null) {
			System.setProperty(PROPERTY, ANGUS);
		}
	}

}
