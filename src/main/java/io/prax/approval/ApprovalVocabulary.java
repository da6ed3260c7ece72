package io.prax.approval;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.prax.platform.TenantRecord;
import org.hibernate.annotations.SQLRestriction;

/** The tenant's signature meanings, as JSON; one row per tenant. */
@Entity
@SQLRestriction("deleted_at is null")
@Table(name = "approval_vocabulary")
class ApprovalVocabulary extends TenantRecord {

	private String meanings;

	protected ApprovalVocabulary() {
	}

	ApprovalVocabulary(String meanings) {
		this.meanings = meanings;
	}

	String meanings() {
		return meanings;
	}

	void change(String meanings) {
		this.meanings = meanings;
	}

}
