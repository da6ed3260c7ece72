package io.prax.identity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.prax.platform.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The optional history rule of the password policy, a tenant setting (off by default): a
 * new password may not be any of the user's last {@code historyCount} passwords, the
 * current one included ({@code password_reused}). Earlier passwords are kept as their
 * Argon2id hashes only, and only as many as the rule needs.
 */
@Service
public class PasswordHistory {

	/** Problem code of a password that is one of the user's last ones. */
	public static final String REUSED = "password_reused";

	/** Each remembered password costs one Argon2id check when a password is set. */
	public static final int MAX_COUNT = 12;

	private final PasswordSettingsRepository settings;

	private final PasswordHistoryEntries entries;

	private final PasswordHashing passwords;

	PasswordHistory(PasswordSettingsRepository settings, PasswordHistoryEntries entries, PasswordHashing passwords) {
		this.settings = settings;
		this.entries = entries;
		this.passwords = passwords;
	}

	/**
	 * How many of the last passwords a new one may not repeat; 0 when the rule is off.
	 */
	@Transactional(readOnly = true)
	public int historyCount() {
		return settings.findFirstByOrderByCreatedAtAsc().map(PasswordSettings::historyCount).orElse(0);
	}

	/**
	 * Turns the rule on ({@code 1} to {@link #MAX_COUNT}) or off ({@code 0}); off forgets
	 * every remembered hash.
	 */
	@Transactional
	public int changeHistoryCount(@Nullable Integer count) {
		if (count == null || count < 0 || count > MAX_COUNT) {
			throw ProblemException.validation(Map.of("historyCount", "Enter 0 (off) to " + MAX_COUNT));
		}
		PasswordSettings current = settings.findFirstByOrderByCreatedAtAsc().orElse(null);
		if (current == null) {
			settings.saveAndFlush(new PasswordSettings(count));
		}
		else if (current.historyCount() != count) {
			current.changeHistoryCount(count);
			settings.saveAndFlush(current);
		}
		if (count == 0) {
			entries.deleteAll(entries.findAll());
		}
		return count;
	}

	/**
	 * The hashes a new password of {@code user} must not match: empty when the rule is
	 * off.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	List<String> hashesToAvoid(UUID userId, @Nullable String currentHash) {
		int count = historyCount();
		if (count == 0) {
			return List.of();
		}
		List<String> hashes = new ArrayList<>();
		if (currentHash != null) {
			hashes.add(currentHash);
		}
		for (PasswordHistoryEntry entry : entries.newestOf(userId)) {
			if (hashes.size() >= count) {
				break;
			}
			hashes.add(entry.passwordHash());
		}
		return hashes;
	}

	/** Outside any transaction: one bounded Argon2id check per hash. */
	void requireNotReused(String password, List<String> hashes) {
		for (String hash : hashes) {
			if (passwords.matches(password, hash)) {
				throw new ProblemException(HttpStatus.BAD_REQUEST, REUSED,
						"Choose a password you have not used recently here");
			}
		}
	}

	/**
	 * After {@code userId}'s password changed from {@code previousHash}: keeps what the
	 * rule needs, no more.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void remember(UUID userId, @Nullable String previousHash, Instant now) {
		int count = historyCount();
		if (count <= 1 || previousHash == null) {
			// The current hash lives on the user: a rule of 1 needs no history.
			entries.deleteAllOf(userId);
			return;
		}
		entries.save(new PasswordHistoryEntry(userId, previousHash, now));
		List<PasswordHistoryEntry> kept = entries.newestOf(userId);
		if (kept.size() > count - 1) {
			entries.deleteAll(kept.subList(count - 1, kept.size()));
		}
	}

}
