package io.prax.session;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import io.prax.platform.Digests;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brute-force protection for sign-in and password-reset requests, kept in PostgreSQL so every node
 * sees the same counts. Per account (workspace and email, hashed; unknown accounts are counted the
 * same way, so a lockout reveals nothing): {@code accountFailures} failures within {@code window}
 * lock it for {@code lockout}, doubling with each further lockout up to {@code maxLockout}; attempts
 * while locked neither count nor extend the lock. Per IP address: {@code ipFailures} failures within
 * {@code window} refuse further attempts from it (429) until the window ends.
 */
@Component
class SignInThrottle {

	/** How an attempt may proceed. */
	sealed interface Verdict {
	}

	/** Go ahead; {@code accountLocked} means the credentials must be refused even when correct. */
	record Proceed(boolean accountLocked) implements Verdict {
	}

	/** Too many failures from this address: refuse without trying. */
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
			@Value("${prax.sign-in.account-failures:5}") int accountFailures,
			@Value("${prax.sign-in.ip-failures:20}") int ipFailures,
			@Value("${prax.sign-in.window:15m}") Duration window,
			@Value("${prax.sign-in.lockout:15m}") Duration lockout,
			@Value("${prax.sign-in.max-lockout:1h}") Duration maxLockout) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
		this.accountFailures = accountFailures;
		this.ipFailures = ipFailures;
		this.window = window;
		this.lockout = lockout;
		this.maxLockout = maxLockout;
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

	/** Checks before an attempt: the address first (429), then whether the account is locked. */
	Verdict check(String accountKey, String addressKey) {
		Instant now = Instant.now(clock);
		Optional<State> address = read(addressKey);
		if (address.isPresent() && address.get().lockedUntil() != null && now.isBefore(address.get().lockedUntil())) {
			return new TooManyFromAddress(Duration.between(now, address.get().lockedUntil()));
		}
		Optional<State> account = read(accountKey);
		boolean locked = account.isPresent() && account.get().lockedUntil() != null
				&& now.isBefore(account.get().lockedUntil());
		return new Proceed(locked);
	}

	/** Counts a failed attempt against the account (unless it is locked) and the address. */
	void failed(String accountKey, String addressKey) {
		Instant now = Instant.now(clock);
		transactions.executeWithoutResult(status -> {
			count(accountKey, now, accountFailures, true);
			count(addressKey, now, ipFailures, false);
		});
	}

	/** A successful sign-in clears the account's failures (not the address's). */
	void succeeded(String accountKey) {
		jdbc.update("delete from sign_in_throttle where key = ?", accountKey);
	}

	/** An administrator lifts a lockout at once. */
	void unlock(String accountKey) {
		jdbc.update("delete from sign_in_throttle where key = ?", accountKey);
	}

	/** Rows untouched for a day are history. */
	@Scheduled(fixedDelayString = "${prax.sign-in.cleanup-interval:1h}", initialDelayString = "${prax.sign-in.cleanup-interval:1h}")
	void forgetOldAttempts() {
		jdbc.update("delete from sign_in_throttle where updated_at < ? and (locked_until is null or locked_until < ?)",
				Timestamp.from(Instant.now(clock).minus(Duration.ofDays(1))), Timestamp.from(Instant.now(clock)));
	}

	private record State(int failures, Instant windowStartedAt, @Nullable Instant lockedUntil, int lockouts,
			Instant updatedAt) {
	}

	private Optional<State> read(String key) {
		return jdbc.query("select failures, window_started_at, locked_until, lockouts, updated_at "
				+ "from sign_in_throttle where key = ?", (rs, row) -> state(rs), key).stream().findFirst();
	}

	private static State state(java.sql.ResultSet rs) throws java.sql.SQLException {
		Timestamp locked = rs.getTimestamp("locked_until");
		return new State(rs.getInt("failures"), rs.getTimestamp("window_started_at").toInstant(),
				locked == null ? null : locked.toInstant(), rs.getInt("lockouts"), rs.getTimestamp("updated_at").toInstant());
	}

	/** Runs in a transaction: the row is locked, so concurrent failures on several nodes all count. */
	private void count(String key, Instant now, int limit, boolean escalate) {
		Timestamp at = Timestamp.from(now);
		jdbc.update("insert into sign_in_throttle (key, failures, window_started_at, updated_at) values (?, 0, ?, ?) "
				+ "on conflict (key) do nothing", key, at, at);
		State state = jdbc.queryForObject("select failures, window_started_at, locked_until, lockouts, updated_at "
				+ "from sign_in_throttle where key = ? for update", (rs, row) -> state(rs), key);
		if (state.lockedUntil() != null && now.isBefore(state.lockedUntil())) {
			return; // attempts while locked do not extend the lock
		}
		// A quiet day forgives earlier lockouts.
		int lockouts = state.updatedAt().isBefore(now.minus(Duration.ofDays(1))) ? 0 : state.lockouts();
		boolean windowOver = !state.windowStartedAt().plus(window).isAfter(now);
		int failures = windowOver ? 1 : state.failures() + 1;
		Instant windowStart = windowOver ? now : state.windowStartedAt();
		Instant lockedUntil = null;
		if (failures >= limit) {
			Duration length = escalate ? lockoutAfter(lockouts) : Duration.between(now, windowStart.plus(window));
			lockedUntil = now.plus(length.isZero() || length.isNegative() ? window : length);
			lockouts++;
			failures = 0;
			windowStart = now;
		}
		jdbc.update("update sign_in_throttle set failures = ?, window_started_at = ?, locked_until = ?, lockouts = ?, "
				+ "updated_at = ? where key = ?", failures, Timestamp.from(windowStart),
				lockedUntil == null ? null : Timestamp.from(lockedUntil), lockouts, at, key);
	}

	private Duration lockoutAfter(int previousLockouts) {
		Duration length = lockout.multipliedBy(1L << Math.min(previousLockouts, 10));
		return length.compareTo(maxLockout) > 0 ? maxLockout : length;
	}
}
