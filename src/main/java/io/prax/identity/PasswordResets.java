package io.prax.identity;

import io.prax.platform.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Mails password-reset links to users of the current tenant. */
@Service
public class PasswordResets {

	private final Users users;

	private final OneTimeLinks links;

	private final IdentityMails mails;

	private final CurrentWorkspace workspace;

	private final ApplicationEventPublisher events;

	PasswordResets(Users users, OneTimeLinks links, IdentityMails mails, CurrentWorkspace workspace,
			ApplicationEventPublisher events) {
		this.users = users;
		this.links = links;
		this.mails = mails;
		this.workspace = workspace;
		this.events = events;
	}

	/** Mails a reset link if the user exists; answers the same either way. */
	@Transactional
	public void requestPasswordReset(String email) {
		users.findByEmail(IdentityRules.normalize(email))
			.filter(u -> u.status() != UserStatus.DEACTIVATED)
			.ifPresent(user -> {
				String link = links.issue(user, PasswordToken.Purpose.RESET, OneTimeLinks.RESET_LIFETIME);
				mails.passwordReset(user.email(), workspace.info(), link);
				events.publishEvent(new PasswordResetRequested(user.account().tenantId(), user.account().id()));
			});
	}

	/**
	 * Sends a reset link on an administrator's request (admins never see or set
	 * passwords).
	 */
	@Transactional
	public void sendPasswordReset(UserId id) {
		User user = users.findById(id.value())
			.filter(u -> !u.deleted())
			.orElseThrow(() -> ProblemException.notFound("User"));
		requestPasswordReset(user.email());
	}

}
