package io.prax.payroll;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import io.prax.platform.TenantRecord;
import org.hibernate.annotations.SQLRestriction;
import org.jspecify.annotations.Nullable;

@Entity
@SQLRestriction("deleted_at is null")
@Table(name = "payroll_run")
class PayrollRun extends TenantRecord {

	private LocalDate periodStart;

	private LocalDate periodEnd;

	@Enumerated(EnumType.STRING)
	private PayrollRunStatus status;

	private @Nullable Instant finalizedAt;

	protected PayrollRun() {
	}

	PayrollRun(LocalDate periodStart, LocalDate periodEnd) {
		this.periodStart = periodStart;
		this.periodEnd = periodEnd;
		this.status = PayrollRunStatus.DRAFT;
	}

	void finalized(Instant at) {
		this.status = PayrollRunStatus.FINALIZED;
		this.finalizedAt = at;
	}

	LocalDate periodStart() {
		return periodStart;
	}

	LocalDate periodEnd() {
		return periodEnd;
	}

	PayrollRunStatus status() {
		return status;
	}

	@Nullable Instant finalizedAt() {
		return finalizedAt;
	}

}
