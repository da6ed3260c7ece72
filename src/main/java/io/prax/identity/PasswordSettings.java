package io.prax.identity;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.prax.platform.TenantRecord;

/**
 * A tenant's password policy extras: the history rule (0 = off). One row per tenant,
 * created on first change.
 */
@Entity
@Table(name = "password_settings")
class PasswordSettings extends TenantRecord {

	private int historyCount;

	protected PasswordSettings() {
	}

	PasswordSettings(int historyCount) {
		this.historyCount = historyCount;
	}

	int historyCount() {
		return historyCount;
	}

	void changeHistoryCount(int historyCount) {
		this.historyCount = historyCount;
	}

}
