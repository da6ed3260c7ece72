package io.prax.payroll;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import io.prax.platform.Masked;
import io.prax.platform.TenantRecord;
import org.hibernate.annotations.SQLRestriction;
import org.jspecify.annotations.Nullable;

@Entity
@SQLRestriction("deleted_at is null")
@Table(name = "employee")
class Employee extends TenantRecord {

	private String employeeCode;

	private String name;

	/**
	 * lower(name), computed by PostgreSQL (a generated column): mapped only so that the
	 * list can order and page by it, never written and never read from the entity.
	 */
	@Column(insertable = false, updatable = false)
	private @Nullable String nameKey;

	private @Nullable String email;

	private @Nullable String department;

	private @Nullable UUID designationId;

	private LocalDate hireDate;

	private @Nullable LocalDate leavingDate;

	@Enumerated(EnumType.STRING)
	private EmployeeStatus status;

	@Masked
	private @Nullable String bankAccount;

	@Masked
	private @Nullable String taxId;

	private @Nullable UUID userId;

	private String salaryCurrency;

	/** The components as JSON, in order. */
	private String salaryComponents;

	protected Employee() {
	}

	Employee(String employeeCode, String name, LocalDate hireDate, String salaryCurrency, String salaryComponents) {
		this.employeeCode = employeeCode;
		this.name = name;
		this.hireDate = hireDate;
		this.status = EmployeeStatus.ACTIVE;
		this.salaryCurrency = salaryCurrency;
		this.salaryComponents = salaryComponents;
	}

	void details(String employeeCode, String name, @Nullable String email, @Nullable String department,
			@Nullable UUID designationId, LocalDate hireDate, @Nullable LocalDate leavingDate, EmployeeStatus status,
			@Nullable String bankAccount, @Nullable String taxId, @Nullable UUID userId) {
		this.employeeCode = employeeCode;
		this.name = name;
		this.email = email;
		this.department = department;
		this.designationId = designationId;
		this.hireDate = hireDate;
		this.leavingDate = leavingDate;
		this.status = status;
		this.bankAccount = bankAccount;
		this.taxId = taxId;
		this.userId = userId;
	}

	void salary(String currency, String componentsJson) {
		this.salaryCurrency = currency;
		this.salaryComponents = componentsJson;
	}

	void delete(Instant at, @Nullable UUID by, String reason) {
		markDeleted(at, by, reason);
	}

	String employeeCode() {
		return employeeCode;
	}

	String name() {
		return name;
	}

	@Nullable String email() {
		return email;
	}

	@Nullable String department() {
		return department;
	}

	@Nullable UUID designationId() {
		return designationId;
	}

	LocalDate hireDate() {
		return hireDate;
	}

	@Nullable LocalDate leavingDate() {
		return leavingDate;
	}

	EmployeeStatus status() {
		return status;
	}

	@Nullable String bankAccount() {
		return bankAccount;
	}

	@Nullable String taxId() {
		return taxId;
	}

	@Nullable UUID userId() {
		return userId;
	}

	String salaryCurrency() {
		return salaryCurrency;
	}

	String salaryComponents() {
		return salaryComponents;
	}

}
