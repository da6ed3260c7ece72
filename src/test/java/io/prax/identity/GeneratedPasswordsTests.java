package io.prax.identity;

import java.util.Iterator;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A generated password is always one the policy accepts for its owner. */
class GeneratedPasswordsTests {

	private final PasswordPolicy policy = new PasswordPolicy(new BreachedPasswords(List.of("correcthorse1")));

	@Test
	void drawsAgainWhenAPasswordContainsTheWorkspaceOrTheOwner() {
		Iterator<String> draws = List
			.of("x7Acme-Q2kLm9Zp", "kq_ADA-admin_7Zp", "correcthorse1", "short", "Vx8-pQ2kLm9Zr4Tw")
			.iterator();
		GeneratedPasswords passwords = new GeneratedPasswords(policy, draws::next);

		String password = passwords.forUser("admin@acme.example", "Ada Admin", "Acme Corporation", "acme");

		assertThat(password).isEqualTo("Vx8-pQ2kLm9Zr4Tw");
		assertThat(policy.check(password,
				new PasswordPolicy.Owner("admin@acme.example", "Ada Admin", "Acme Corporation", "acme")))
			.isEqualTo(password);
	}

	@Test
	void drawsRandomPasswordsOfSixteenCharacters() {
		GeneratedPasswords passwords = new GeneratedPasswords(policy);

		String first = passwords.forUser("admin@acme.example", "Ada Admin", "Acme Corporation", "acme");

		assertThat(first).hasSize(16)
			.isNotEqualTo(passwords.forUser("admin@acme.example", "Ada Admin", "Acme Corporation", "acme"));
	}

}
