package com.worklib.platform.test;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Something expensive started at most once per JVM, on first use, and stopped when the
 * JVM exits: how every engine here is shared by all test classes of a module.
 */
final class JvmSingleton<T> {

	private final Supplier<T> start;

	private final Consumer<T> stop;

	private T instance;

	JvmSingleton(Supplier<T> start, Consumer<T> stop) {
		this.start = start;
		this.stop = stop;
	}

	synchronized T get() {
		if (this.instance == null) {
			T started = this.start.get();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> this.stop.accept(started)));
			this.instance = started;
		}
		return this.instance;
	}

}
