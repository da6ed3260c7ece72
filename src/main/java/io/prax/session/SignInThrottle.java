package io.prax.session;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import io.prax.platform.Digests;
import io.prax.platform.RateLimited;
import io.prax.platform.RetryLater;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brute-force protection for sign-in, password-change and password-reset requests, kept
 * in PostgreSQL so every node sees the same counts. Per account (workspace and email,
 * hashed; unknown accounts are counted the same way, so a lockout reveals nothing):
 * {@code accountFailures} failures within {@code window} lock it for {@code lockout},
 * doubling with each further lockout up to {@code maxLockout}; attempts while locked
 * neither count nor extend the lock. Per IP address: {@code ipFailures} failures within
 * {@code window} refuse further attempts from it (429) until the window ends.
 * <p>
 * An attempt is reserved <em>before</em> the password is checked, with both rows locked,
 * so parallel guesses can never get more checks than the limits allow; a successful or
 * unchecked attempt is given back afterwards.
 */
@Component
class SignInThrottle {

	/**
	 * Problem code (429, with {@code Retry-After}) while an account's sign-in is locked.
	 */
	static final String TOO_MANY_ATTEMPTS = io.prax.identity.PasswordChangeGuard.TOO_MANY_ATTEMPTS;

	/** How a reservation went. */
	sealed interface Verdict {

	}

	/**
	 * Reserved: go ahead and check the password; {@link #release} it unless it failed.
	 */
	record Reserved(String accountKey, String addressKey) implements Verdict {
	}

	/** The account is locked: refuse without checking (the address is counted). */
	record AccountLocked(Duration retryAfter) implements Verdict {
	}

	/** Too many failures from this address: refuse without trying, nothing counted. */
	record TooManyFromAddress(Duration retryAfter) implements Verdict {
	}

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final int accountFailures;

	private final int ipFailures;

	private final Duration window;

	private final Duration lockout;

	private final Duration maxLockout;

	SignInThrottle(JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock,
			SignInThrottleProperties settings) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
		this.accountFailures = settings.accountFailures();
		this.ipFailures = settings.ipFailures();
		this.window = settings.window();
		this.lockout = settings.lockout();
		this.maxLockout = settings.maxLockout();
	}

	static String accountKey(@Nullable String workspace, @Nullable String email) {
		String normalized = (workspace == null ? "" : workspace.strip().toLowerCase(Locale.ROOT)) + "\n"
				+ (email == null ? "" : email.strip().toLowerCase(Locale.ROOT));
		return "account:" + Digests.sha256Hex(normalized);
	}

	static String addressKey(@Nullable String ip) {
		return "ip:" + (ip == null ? "unknown" : ip);
	}

	static String resetAccountKey(@Nullable String workspace, @Nullable String email) {
		return "reset-" + accountKey(workspace, email);
	}

	static String resetAddressKey(@Nullable String ip) {
		return "reset-" + addressKey(ip);
	}

	/** Checks of a signed-in user's current password, when changing it. */
	static String passwordAccountKey(UUID tenant, UUID user) {
		return "password-account:" + Digests.sha256Hex(tenant + "\n" + user);
	}

	static String passwordAddressKey(@Nullable String ip) {
		return "password-" + addressKey(ip);
	}

	/**
	 * Reserves one attempt, in one transaction with both rows locked (always address,
	 * then account, so two reservations never deadlock): the address first (429), then
	 * the account.
	 */
	Verdict reserve(String accountKey, String addressKey) {
		Instant now = Instant.now(clock);
		return transactions.execute(status -> {
			State address = lock(addressKey, now);
			if (address.lockedAt(now)) {
				return new TooManyFromAddress(Duration.between(now, address.lockedUntil()));
			}
			State account = lock(accountKey, now);
			count(addressKey, address, now, ipFailures, false);
			if (account.lockedAt(now)) {
				return new AccountLocked(Duration.between(now, account.lockedUntil()));
			}
			count(accountKey, account, now, accountFailures, true);
			return new Reserved(accountKey, addressKey);
		});
	}

	/**
	 * Reserves a sign-in attempt, or refuses it: 429 {@code rate_limited} from an address
	 * with too many failures, and 429 {@link #TOO_MANY_ATTEMPTS} while the account is
	 * locked, after {@code whenLocked} (the audit of the refusal).
	 */
	Reserved reserveSignIn(String accountKey, String addressKey, Runnable whenLocked) {
		Verdict verdict = reserve(accountKey, addressKey);
		if (verdict instanceof TooManyFromAddress tooMany) {
			throw new RateLimited(tooMany.retryAfter());
		}
		if (verdict instanceof AccountLocked locked) {
			whenLocked.run();
			throw new RetryLater(HttpStatus.TOO_MANY_REQUESTS, TOO_MANY_ATTEMPTS,
					"Too many failed sign-ins for this account; try again later", locked.retryAfter());
		}
		return (Reserved) verdict;
	}

	/** Gives a reserved attempt back: it succeeded, or it was never checked. */
	void release(Reserved reserved) {
		Instant now = Instant.now(clock);
		transactions.executeWithoutResult(status -> {
			giveBack(reserved.addressKey(), now, ipFailures);
			giveBack(reserved.accountKey(), now, accountFailures);
		});
	}

	/**
	 * A successful sign-in clears the account's failures and gives the address its
	 * attempt back.
	 */
	void succeeded(Reserved reserved) {
		Instant now = Instant.now(clock);
		transactions.executeWithoutResult(status -> {
			giveBack(reserved.addressKey(), now, ipFailures);
			jdbc.update("delete from sign_in_throttle where key = ?", reserved.accountKey());
		});
	}

	/** An administrator lifts a lockout at once; whether there was one. */
	boolean unlock(String accountKey) {
		return jdbc.update("delete from sign_in_throttle where key = ?", accountKey) > 0;
	}

	/** Rows untouched for a day are history. */
	@Scheduled(fixedDelayString = "${prax.sign-in.cleanup-interval:1h}",
			initialDelayString = "${prax.sign-in.cleanup-interval:1h}")
	void forgetOldAttempts() {
		jdbc.update("delete from sign_in_throttle where updated_at < ? and (locked_until is null or locked_until < ?)",
				Timestamp.from(Instant.now(clock).minus(Duration.ofDays(1))), Timestamp.from(Instant.now(clock)));
	}

	private record State(int failures, Instant windowStartedAt, @Nullable Instant lockedUntil, int lockouts,
			Instant updatedAt) {

		boolean lockedAt(Instant now) {
			return lockedUntil != null && now.isBefore(lockedUntil);
		}
	}

	private static State state(java.sql.ResultSet rs) throws java.sql.SQLException {
		Timestamp locked = rs.getTimestamp("locked_until");
		return new State(rs.getInt("failures"), rs.getTimestamp("window_started_at").toInstant(),
				locked == null ? null : locked.toInstant(), rs.getInt("lockouts"),
				rs.getTimestamp("updated_at").toInstant());
	}

	/**
	 * Runs in a transaction: the row is locked until it ends, so concurrent attempts on
	 * every node queue here.
	 */
	private State lock(String key, Instant now) {
		Timestamp at = Timestamp.from(now);
		jdbc.update("insert into sign_in_throttle (key, failures, window_started_at, updated_at) values (?, 0, ?, ?) "
				+ "on conflict (key) do nothing", key, at, at);
		return jdbc.queryForObject("select failures, window_started_at, locked_until, lockouts, updated_at "
				+ "from sign_in_throttle where key = ? for update", (rs, row) -> state(rs), key);
	}

	/**
	 * Counts an attempt on a locked row. Reaching the limit locks the key; the attempt
	 * that reached it still goes ahead, every later one is refused.
	 */
	private void count(String key, State state, Instant now, int limit, boolean escalate) {
		if (state.lockedAt(now)) {
			return; // attempts while locked do not extend the lock
		}
		// A quiet day forgives earlier lockouts.
		int lockouts = state.updatedAt().isBefore(now.minus(Duration.ofDays(1))) ? 0 : state.lockouts();
		// A lock that ended starts a fresh window, as does a window that is over.
		boolean fresh = state.lockedUntil() != null || !state.windowStartedAt().plus(window).isAfter(now);
		int failures = fresh ? 1 : state.failures() + 1;
		Instant windowStart = fresh ? now : state.windowStartedAt();
		Instant lockedUntil = null;
		if (failures >= limit) {
			Duration length = escalate ? lockoutAfter(lockouts) : Duration.between(now, windowStart.plus(window));
			lockedUntil = now.plus(length.isZero() || length.isNegative() ? window : length);
			lockouts++;
		}
		jdbc.update(
				"update sign_in_throttle set failures = ?, window_started_at = ?, locked_until = ?, lockouts = ?, "
						+ "updated_at = ? where key = ?",
				failures, Timestamp.from(windowStart), lockedUntil == null ? null : Timestamp.from(lockedUntil),
				lockouts, Timestamp.from(now), key);
	}

	/**
	 * Un-counts an attempt of the current window; if it was the one that set the lock,
	 * the lock goes too (attempts refused meanwhile stay refused).
	 */
	private void giveBack(String key, Instant now, int limit) {
		jdbc.query("select failures, window_started_at, locked_until, lockouts, updated_at "
				+ "from sign_in_throttle where key = ? for update", (rs, row) -> state(rs), key)
			.stream()
			.findFirst()
			.filter(state -> state.failures() > 0)
			.ifPresent(state -> {
				boolean undoLock = state.lockedAt(now) && state.failures() == limit;
				jdbc.update("update sign_in_throttle set failures = ?, locked_until = ?, lockouts = ? where key = ?",
						state.failures() - 1,
						undoLock ? null : state.lockedUntil() == null ? null : Timestamp.from(state.lockedUntil()),
						undoLock ? Math.max(0, state.lockouts() - 1) : state.lockouts(), key);
			});
	}

	private Duration lockoutAfter(int previousLockouts) {
		Duration length = lockout.multipliedBy(1L << Math.min(previousLockouts, 10));
		return length.compareTo(maxLockout) > 0 ? maxLockout : length;
	}

}
