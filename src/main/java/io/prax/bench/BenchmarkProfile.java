package io.prax.bench;

/**
 * The Spring profile that switches the benchmark endpoints on:
 * {@code --spring.profiles.active=benchmark}.
 */
final class BenchmarkProfile {

	static final String NAME = "benchmark";

	private BenchmarkProfile() {
	}

}
