package io.prax.audit;

import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The reason a caller gave for the changes of the current transaction (F15). A module's
 * service hands it over before changing records; the audit trail stores it with each
 * change, and refuses edits of regulated modules without one.
 */
public final class ReasonForChange {

	private static final Object KEY = ReasonForChange.class.getName() + ".reason";

	private ReasonForChange() {
	}

	/**
	 * Attaches {@code reason} (ignored when blank) to the current transaction's changes.
	 */
	public static void give(@Nullable String reason) {
		if (reason == null || reason.isBlank() || !TransactionSynchronizationManager.isSynchronizationActive()) {
			return;
		}
		if (TransactionSynchronizationManager.hasResource(KEY)) {
			TransactionSynchronizationManager.unbindResource(KEY);
		}
		else {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
				}
			});
		}
		TransactionSynchronizationManager.bindResource(KEY, reason.strip());
	}

	static @Nullable String current() {
		return (String) TransactionSynchronizationManager.getResource(KEY);
	}

}
