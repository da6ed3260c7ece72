package io.prax.session;

/** A tenant's session lifetimes and idle timeout. */
public record Lifetimes(int accessTokenMinutes, int refreshLifetimeDays, int rememberMeLifetimeDays,
		int idleTimeoutMinutes) {

	static Lifetimes of(SessionSettings settings) {
		return new Lifetimes((int) AccessTokens.LIFETIME.toMinutes(), settings.refreshLifetimeDays(),
				settings.rememberMeLifetimeDays(), settings.idleTimeoutMinutes());
	}
}
