package io.prax.identity;

import java.util.function.Supplier;

import io.prax.platform.ProblemException;
import io.prax.platform.SecretFiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Random passwords for accounts that the product sets up itself (the demo's users). A
 * random string can by chance contain the workspace's slug or a part of the owner's name,
 * which the {@link PasswordPolicy} refuses: a refused one is thrown away and another
 * drawn.
 */
@Component
public class GeneratedPasswords {

	/**
	 * A refusal is rare (a few in a million draws): many in a row mean a broken policy.
	 */
	private static final int ATTEMPTS = 100;

	private final PasswordPolicy policy;

	private final Supplier<String> random;

	@Autowired
	GeneratedPasswords(PasswordPolicy policy) {
		// 12 random bytes: 16 URL-safe characters, 96 bits
		this(policy, () -> SecretFiles.randomToken(12));
	}

	GeneratedPasswords(PasswordPolicy policy, Supplier<String> random) {
		this.policy = policy;
		this.random = random;
	}

	/** A password that the policy accepts for this user of this workspace. */
	public String forUser(String email, String name, String workspaceName, String workspaceSlug) {
		PasswordPolicy.Owner owner = new PasswordPolicy.Owner(email, name, workspaceName, workspaceSlug);
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			String candidate = random.get();
			try {
				return policy.check(candidate, owner);
			}
			catch (ProblemException refused) {
				// drawn again: see the class comment
			}
		}
		throw new IllegalStateException("The password policy refused " + ATTEMPTS + " random passwords in a row");
	}

}
