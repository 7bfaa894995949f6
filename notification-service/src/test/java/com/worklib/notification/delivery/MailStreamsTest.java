package com.worklib.notification.delivery;

import jakarta.mail.util.StreamProvider;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MailStreamsTest {

	@Test
	void jakartaMailFindsAngusThroughThePropertyInsteadOfScanningTheClassPath() {
		MailStreams.skipTheServiceLoaderScan();

		assertThat(System.getProperty(MailStreams.PROPERTY)).isEqualTo(MailStreams.ANGUS);
		// a name the API cannot load would throw here rather than fall back to the scan
		assertThat(StreamProvider.provider().getClass().getName()).isEqualTo(MailStreams.ANGUS);
	}

}
