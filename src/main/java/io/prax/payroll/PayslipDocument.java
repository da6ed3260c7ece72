package io.prax.payroll;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Everything a payslip shows: employer, employee (bank account and tax id masked),
 * period, every component with its amount, totals and currency. Finalizing stores it as
 * the frozen snapshot; a draft shows the same from the current data. Money in decimal
 * strings at the currency's minor unit.
 */
public record PayslipDocument(String payslipId, @Nullable String corrects, Employer employer, Person employee,
		String periodStart, String periodEnd, long employedDays, long periodDays, String currency, int minorUnit,
		List<Line> earnings, List<Line> deductions, String grossPay, String totalDeductions, String netPay) {

	public record Employer(String name, List<String> address, @Nullable String taxId) {
	}

	public record Person(String id, String name, String employeeCode, @Nullable String department,
			@Nullable String designation, @Nullable String bankAccount, @Nullable String taxId) {
	}

	public record Line(String name, @Nullable String description, @Nullable String rate, String amount,
			boolean oneOff) {
	}
}
