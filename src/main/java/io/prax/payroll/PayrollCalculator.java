package io.prax.payroll;

import static io.prax.platform.Validation.checked;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The payroll arithmetic, documented in docs/payroll.md:
 * <ol>
 * <li>pro-rating: a fixed amount is multiplied by employed days / calendar days of the
 * period (both inclusive; employed days are the overlap of the period with hire date to
 * leaving date);</li>
 * <li>every line is rounded once, half-up, to the currency's minor unit;</li>
 * <li>the base is the fixed earnings plus the one-off earnings; a rate EARNING is a rate
 * of that base;</li>
 * <li>gross pay is the base plus the rate earnings; a rate DEDUCTION is a rate of gross
 * pay; fixed deductions are pro-rated like fixed earnings; one-off amounts are never
 * pro-rated;</li>
 * <li>net pay is gross pay minus all deductions.</li>
 * </ol>
 */
final class PayrollCalculator {

	private PayrollCalculator() {
	}

	record Result(List<PayslipLine> lines, BigDecimal grossPay, BigDecimal totalDeductions, BigDecimal netPay,
			long employedDays, long periodDays) {

		List<PayslipLine> earnings() {
			return lines.stream().filter(l -> l.kind() == ComponentKind.EARNING).toList();
		}

		List<PayslipLine> deductions() {
			return lines.stream().filter(l -> l.kind() == ComponentKind.DEDUCTION).toList();
		}
	}

	static int minorUnit(String currency) {
		int digits = Currency.getInstance(currency).getDefaultFractionDigits();
		return digits < 0 ? 2 : digits;
	}

	static long employedDays(LocalDate periodStart, LocalDate periodEnd, LocalDate hireDate,
			@Nullable LocalDate leavingDate) {
		LocalDate from = hireDate.isAfter(periodStart) ? hireDate : periodStart;
		LocalDate to = leavingDate != null && leavingDate.isBefore(periodEnd) ? leavingDate : periodEnd;
		return to.isBefore(from) ? 0 : ChronoUnit.DAYS.between(from, to) + 1;
	}

	static Result compute(String currency, List<SalaryComponent> components, List<Adjustment> oneOffs,
			LocalDate periodStart, LocalDate periodEnd, LocalDate hireDate, @Nullable LocalDate leavingDate) {
		int scale = minorUnit(currency);
		long periodDays = ChronoUnit.DAYS.between(periodStart, periodEnd) + 1;
		long employed = employedDays(periodStart, periodEnd, hireDate, leavingDate);
		BigDecimal[] amounts = new BigDecimal[components.size()];
		BigDecimal base = BigDecimal.ZERO.setScale(scale);
		for (int i = 0; i < components.size(); i++) {
			SalaryComponent c = components.get(i);
			if (c.amount() != null) {
				amounts[i] = c.amount()
					.multiply(BigDecimal.valueOf(employed))
					.divide(BigDecimal.valueOf(periodDays), scale, RoundingMode.HALF_UP);
				if (c.kind() == ComponentKind.EARNING) {
					base = base.add(amounts[i]);
				}
			}
		}
		for (Adjustment a : oneOffs) {
			if (a.kind() == ComponentKind.EARNING) {
				base = base.add(checked(a.amount()).setScale(scale, RoundingMode.HALF_UP));
			}
		}
		BigDecimal gross = base;
		for (int i = 0; i < components.size(); i++) {
			SalaryComponent c = components.get(i);
			if (c.rate() != null && c.kind() == ComponentKind.EARNING) {
				amounts[i] = c.rate().multiply(base).setScale(scale, RoundingMode.HALF_UP);
				gross = gross.add(amounts[i]);
			}
		}
		BigDecimal deductions = BigDecimal.ZERO.setScale(scale);
		for (int i = 0; i < components.size(); i++) {
			SalaryComponent c = components.get(i);
			if (c.rate() != null && c.kind() == ComponentKind.DEDUCTION) {
				amounts[i] = c.rate().multiply(gross).setScale(scale, RoundingMode.HALF_UP);
			}
			if (c.kind() == ComponentKind.DEDUCTION) {
				deductions = deductions.add(amounts[i]);
			}
		}
		List<PayslipLine> lines = new ArrayList<>();
		for (int i = 0; i < components.size(); i++) {
			SalaryComponent c = components.get(i);
			lines.add(new PayslipLine(checked(c.name()), checked(c.kind()), null, c.rate(), amounts[i], false));
		}
		for (Adjustment a : oneOffs) {
			BigDecimal amount = checked(a.amount()).setScale(scale, RoundingMode.HALF_UP);
			if (a.kind() == ComponentKind.DEDUCTION) {
				deductions = deductions.add(amount);
			}
			lines.add(new PayslipLine(a.kind() == ComponentKind.EARNING ? "One-off earning" : "One-off deduction",
					checked(a.kind()), a.description(), null, amount, true));
		}
		return new Result(List.copyOf(lines), gross, deductions, gross.subtract(deductions), employed, periodDays);
	}

}
