package io.prax.identity;

import java.time.Clock;
import java.time.Instant;

import io.prax.platform.Digests;
import io.prax.platform.ProblemException;
import io.prax.tenancy.TenantContext;
import io.prax.tenancy.TenantId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sets a password through a one-time link from an invitation or reset mail
 * ({@link OneTimeLinks}); works before sign-in.
 */
@Service
public class PasswordLinks {

	private final Users users;

	private final PasswordTokens tokens;

	private final PasswordReplacement replacement;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate transactions;

	PasswordLinks(Users users, PasswordTokens tokens, PasswordReplacement replacement, ApplicationEventPublisher events,
			Clock clock, TransactionTemplate transactions) {
		this.users = users;
		this.tokens = tokens;
		this.replacement = replacement;
		this.events = events;
		this.clock = clock;
		this.transactions = transactions;
	}

	/**
	 * Sets the password through a one-time link. The token names its tenant, so this
	 * works before sign-in. The link is used atomically (of two parallel uses, one wins);
	 * every other outstanding link of the user ends too, and all of the user's sessions
	 * end.
	 */
	public UserAccount setPasswordWithToken(String token, String newPassword) {
		TenantId tenant = OneTimeLinks.tenantOf(token);
		String tokenHash = Digests.sha256Hex(token);
		return TenantContext.call(tenant, () -> {
			StoredPassword target = transactions.execute(status -> tokens.findById(tokenHash)
				.filter(t -> t.usableAt(Instant.now(clock)))
				.flatMap(t -> users.findById(t.userId()))
				.filter(u -> u.status() != UserStatus.DEACTIVATED)
				.map(replacement::stored)
				.orElseThrow(OneTimeLinks::invalid));
			String normalized = replacement.checked(newPassword, target.account());
			String hash = replacement.hash(normalized, target.earlierHashes());
			return transactions.execute(status -> {
				Instant now = Instant.now(clock);
				if (tokens.claim(tokenHash, now) == 0) {
					throw OneTimeLinks.invalid();
				}
				User user = users.findById(target.account().id().value())
					.filter(u -> u.status() != UserStatus.DEACTIVATED)
					.orElseThrow(OneTimeLinks::invalid);
				replacement.replace(user, hash, now);
				events.publishEvent(new PasswordChanged(tenant, target.account().id(), null));
				return user.account();
			});
		});
	}

	/**
	 * Whether a one-time link can still be used, for showing the form or an explanation.
	 */
	public boolean tokenUsable(String token) {
		try {
			TenantId tenant = OneTimeLinks.tenantOf(token);
			return TenantContext.call(tenant,
					() -> Boolean.TRUE.equals(transactions.execute(status -> tokens.findById(Digests.sha256Hex(token))
						.map(t -> t.usableAt(Instant.now(clock)))
						.orElse(false))));
		}
		catch (ProblemException ex) {
			return false;
		}
	}

}
