package io.prax.payroll;

import io.prax.platform.Initializer;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import io.prax.platform.TenantRecord;
import org.hibernate.annotations.SQLRestriction;
import org.jspecify.annotations.Nullable;

@Entity
@SQLRestriction("deleted_at is null")
@Table(name = "payslip")
class Payslip extends TenantRecord {

	private UUID employeeId;

	private @Nullable UUID runId;

	private @Nullable UUID correctsId;

	private LocalDate periodStart;

	private LocalDate periodEnd;

	@Enumerated(EnumType.STRING)
	private PayslipStatus status;

	private String currency;

	/** The computed lines as JSON, in order. */
	private String lines;

	private BigDecimal grossPay;

	private BigDecimal totalDeductions;

	private BigDecimal netPay;

	private @Nullable String snapshot;

	@Column(name = "snapshot_sha256")
	private @Nullable String snapshotSha256;

	private @Nullable Instant finalizedAt;

	protected Payslip() {
	}

	Payslip(UUID employeeId, @Nullable UUID runId, @Nullable UUID correctsId, LocalDate periodStart,
			LocalDate periodEnd) {
		this.employeeId = employeeId;
		this.runId = runId;
		this.correctsId = correctsId;
		this.periodStart = periodStart;
		this.periodEnd = periodEnd;
		this.status = PayslipStatus.DRAFT;
	}

	@Initializer
	void computed(String currency, String linesJson, BigDecimal grossPay, BigDecimal totalDeductions,
			BigDecimal netPay) {
		this.currency = currency;
		this.lines = linesJson;
		this.grossPay = grossPay;
		this.totalDeductions = totalDeductions;
		this.netPay = netPay;
	}

	void finalize(String snapshot, String sha256, Instant at) {
		this.snapshot = snapshot;
		this.snapshotSha256 = sha256;
		this.finalizedAt = at;
		this.status = PayslipStatus.FINALIZED;
	}

	void delete(Instant at, @Nullable UUID by, String reason) {
		markDeleted(at, by, reason);
	}

	UUID employeeId() {
		return employeeId;
	}

	@Nullable UUID runId() {
		return runId;
	}

	@Nullable UUID correctsId() {
		return correctsId;
	}

	LocalDate periodStart() {
		return periodStart;
	}

	LocalDate periodEnd() {
		return periodEnd;
	}

	PayslipStatus status() {
		return status;
	}

	String currency() {
		return currency;
	}

	String lines() {
		return lines;
	}

	BigDecimal grossPay() {
		return grossPay;
	}

	BigDecimal totalDeductions() {
		return totalDeductions;
	}

	BigDecimal netPay() {
		return netPay;
	}

	@Nullable String snapshot() {
		return snapshot;
	}

	@Nullable String snapshotSha256() {
		return snapshotSha256;
	}

	@Nullable Instant finalizedAt() {
		return finalizedAt;
	}

}
