package com.worklib.systemtests;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the platform once for every test class of the run ({@code ./worklib up -d}) and
 * stops it ({@code ./worklib down}) when the whole run ends, so the classes share it.
 */
final class PlatformExtension implements BeforeAllCallback {

	@Override
	public void beforeAll(ExtensionContext context) {
		context.getRoot()
			.getStore(ExtensionContext.Namespace.GLOBAL)
			.getOrComputeIfAbsent(PlatformExtension.class, key -> new Started(), Started.class);
	}

	static final class Started implements AutoCloseable {

		Started() {
			try {
				Platform.start();
			}
			catch (Exception ex) {
				throw new IllegalStateException("./worklib up -d failed: " + ex.getMessage(), ex);
			}
		}

		@Override
		public void close() {
			Platform.stop();
		}

	}

}
