package io.prax.bench;

import java.util.Arrays;

import org.springframework.context.annotation.Profile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * What one password check costs alone: the application's own encoder (Argon2id), timed
 * in-process.
 */
@Component
@Profile(BenchmarkProfile.NAME)
class PasswordCost {

	private final PasswordEncoder encoder;

	PasswordCost(PasswordEncoder encoder) {
		this.encoder = encoder;
	}

	record Cost(int checks, double p50Millis, double p99Millis, double meanMillis, String algorithm) {
	}

	Cost measure(int checks) {
		String password = "correct horse battery staple";
		String hash = encoder.encode(password);
		double[] millis = new double[checks];
		for (int i = 0; i < checks; i++) {
			long start = System.nanoTime();
			if (!encoder.matches(password, hash)) {
				throw new IllegalStateException("The encoder does not match its own hash");
			}
			millis[i] = (System.nanoTime() - start) / 1e6;
		}
		double mean = Arrays.stream(millis).average().orElse(0);
		Arrays.sort(millis);
		return new Cost(checks, millis[(checks - 1) / 2], millis[(int) Math.ceil(checks * 0.99) - 1], mean,
				hash.replaceAll("\\$[^$]*\\$[^$]*$", ""));
	}

}
