package io.prax.identity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The breached-password list: sizeable, catches decorated common passwords, lets
 * passphrases through, fast.
 */
class BreachedPasswordsTests {

	static final BreachedPasswords LIST = new BreachedPasswords();

	@Test
	void holdsTheDictionariesOfZxcvbn4j() {
		assertThat(LIST.size()).isGreaterThan(90_000);
	}

	@ParameterizedTest
	@ValueSource(strings = { "password1234", "Password2024!", "P@ssw0rd2024!", "qwertyqwerty", "1qaz2wsx3edc",
			"Summer2024!!", "iloveyou1234", "!!!monkey2023", "123456789012", "football1234", "dragondragon",
			"abc123abc123" })
	void refusesCommonPasswordsAndTheirTrivialVariants(String password) {
		assertThat(LIST.contains(PasswordPolicy.normalize(password))).as(password).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "correct horse battery staple", "a long and pleasant passphrase", "7Gh$kq2!Lm3#x",
			"Kaffee mit Milch und Zucker", "日本語のパスフレーズです", "an entirely new passphrase" })
	void acceptsPassphrasesAndRandomPasswords(String password) {
		assertThat(LIST.contains(PasswordPolicy.normalize(password))).as(password).isFalse();
	}

	/**
	 * Prints the figure the README quotes; fails only if a check gets anywhere near a
	 * millisecond.
	 */
	@Test
	void checksInWellUnderAMillisecond() {
		String[] samples = { "correct horse battery staple", "P@ssw0rd2024!", "Kaffee mit Milch und Zucker",
				"qwertyqwertyqwerty", "7Gh$kq2!Lm3#x-and-some-more-text-to-make-it-long" };
		boolean sink = false;
		for (int i = 0; i < 200_000; i++) {
			sink ^= LIST.contains(samples[i % samples.length]);
		}
		int runs = 500_000;
		long start = System.nanoTime();
		for (int i = 0; i < runs; i++) {
			sink ^= LIST.contains(samples[i % samples.length]);
		}
		double micros = (System.nanoTime() - start) / 1_000.0 / runs;
		System.out.printf("BreachedPasswords: %d entries, %.3f µs per check (sink %s)%n", LIST.size(), micros, sink);
		assertThat(micros).isLessThan(100.0);
	}

}
