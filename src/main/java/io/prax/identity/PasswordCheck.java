package io.prax.identity;

import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Checks an email and password of the current tenant: the password half of sign-in. */
@Service
public class PasswordCheck {

	private final Users users;

	private final PasswordHashing passwords;

	private final DecoyHash decoy;

	private final TransactionTemplate transactions;

	PasswordCheck(Users users, PasswordHashing passwords, DecoyHash decoy, TransactionTemplate transactions) {
		this.users = users;
		this.passwords = passwords;
		this.decoy = decoy;
		this.transactions = transactions;
	}

	/**
	 * The active user with this email and password, or empty. Unknown user and wrong
	 * password cost the same hashing work. An outdated hash is upgraded to Argon2id on
	 * success. Call outside any transaction: the hash runs while no connection is held
	 * (503 {@code busy} when too many run).
	 */
	public Optional<UserAccount> authenticate(String email, String password) {
		Optional<StoredPassword> found = transactions
			.execute(status -> users.findByEmail(IdentityRules.normalize(email))
				.filter(user -> !user.deleted())
				.map(user -> new StoredPassword(user.account(), user.passwordHash(), user.status())));
		String hash = found.map(StoredPassword::hash).orElse(null);
		PasswordHashing.Match match = passwords.verify(password == null ? "" : password, decoy.or(hash));
		if (!match.matched() || hash == null || found.get().status() != UserStatus.ACTIVE) {
			return Optional.empty();
		}
		UserAccount account = found.get().account();
		if (match == PasswordHashing.Match.YES_REHASH) {
			String upgraded = passwords.encode(password);
			transactions.executeWithoutResult(status -> users.findById(account.id().value())
				.filter(user -> hash.equals(user.passwordHash()))
				.ifPresent(user -> user.upgradeHash(upgraded)));
		}
		return Optional.of(account);
	}

}
