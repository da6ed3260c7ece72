package io.prax.payroll;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Payroll arithmetic against an independent computation in integer minor units with exact
 * fractions: pro-rating by days counted one by one, rates of the base and of gross pay,
 * half-up once per line, in currencies with 0 (JPY), 2 (EUR) and 3 (KWD) decimals.
 */
class PayrollCalculatorTests {

	record Case(String currency, List<SalaryComponent> components, List<Adjustment> oneOffs, LocalDate start,
			LocalDate end, LocalDate hire, LocalDate leaving) {
	}

	@Property(tries = 1000, seed = "20260401")
	void agreesWithAnIndependentComputation(@ForAll("cases") Case c) {
		int d = java.util.Currency.getInstance(c.currency()).getDefaultFractionDigits();
		PayrollCalculator.Result result = PayrollCalculator.compute(c.currency(), c.components(), c.oneOffs(),
				c.start(), c.end(), c.hire(), c.leaving());

		long periodDays = 0;
		long employed = 0;
		for (LocalDate day = c.start(); !day.isAfter(c.end()); day = day.plusDays(1)) {
			periodDays++;
			if (!day.isBefore(c.hire()) && (c.leaving() == null || !day.isAfter(c.leaving()))) {
				employed++;
			}
		}
		BigInteger[] amounts = new BigInteger[c.components().size()];
		BigInteger base = BigInteger.ZERO;
		for (int i = 0; i < amounts.length; i++) {
			SalaryComponent s = c.components().get(i);
			if (s.amount() != null) {
				// amount in 1e-4 units * employed / periodDays, to minor units
				amounts[i] = halfUp(units(s.amount(), 4).multiply(BigInteger.valueOf(employed)),
						BigInteger.valueOf(periodDays).multiply(BigInteger.TEN.pow(4 - d)));
				if (s.kind() == ComponentKind.EARNING) {
					base = base.add(amounts[i]);
				}
			}
		}
		for (Adjustment a : c.oneOffs()) {
			if (a.kind() == ComponentKind.EARNING) {
				base = base.add(halfUp(units(a.amount(), 4), BigInteger.TEN.pow(4 - d)));
			}
		}
		BigInteger gross = base;
		for (int i = 0; i < amounts.length; i++) {
			SalaryComponent s = c.components().get(i);
			if (s.rate() != null && s.kind() == ComponentKind.EARNING) {
				amounts[i] = halfUp(units(s.rate(), 6).multiply(base), BigInteger.TEN.pow(6));
				gross = gross.add(amounts[i]);
			}
		}
		BigInteger deductions = BigInteger.ZERO;
		for (int i = 0; i < amounts.length; i++) {
			SalaryComponent s = c.components().get(i);
			if (s.rate() != null && s.kind() == ComponentKind.DEDUCTION) {
				amounts[i] = halfUp(units(s.rate(), 6).multiply(gross), BigInteger.TEN.pow(6));
			}
			if (s.kind() == ComponentKind.DEDUCTION) {
				deductions = deductions.add(amounts[i]);
			}
		}
		for (Adjustment a : c.oneOffs()) {
			if (a.kind() == ComponentKind.DEDUCTION) {
				deductions = deductions.add(halfUp(units(a.amount(), 4), BigInteger.TEN.pow(4 - d)));
			}
		}

		for (int i = 0; i < amounts.length; i++) {
			assertThat(result.lines().get(i).amount()).isEqualByComparingTo(new BigDecimal(amounts[i], d));
			assertThat(result.lines().get(i).amount().scale()).isEqualTo(d);
		}
		assertThat(result.lines()).hasSize(amounts.length + c.oneOffs().size());
		assertThat(result.employedDays()).isEqualTo(employed);
		assertThat(result.periodDays()).isEqualTo(periodDays);
		assertThat(result.grossPay()).isEqualTo(new BigDecimal(gross, d));
		assertThat(result.totalDeductions()).isEqualTo(new BigDecimal(deductions, d));
		assertThat(result.netPay()).isEqualTo(new BigDecimal(gross.subtract(deductions), d));
	}

	@Example
	void proRatesAJoinerByCalendarDays() {
		var result = PayrollCalculator.compute("EUR",
				List.of(new SalaryComponent("Base", ComponentKind.EARNING, new BigDecimal("3100"), null)), List.of(),
				LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31), LocalDate.of(2026, 1, 21), null);
		assertThat(result.grossPay()).isEqualTo(new BigDecimal("1100.00"));
	}

	@Example
	void roundsHalfUpToTheMinorUnit() {
		var result = PayrollCalculator.compute("EUR",
				List.of(new SalaryComponent("Base", ComponentKind.EARNING, new BigDecimal("0.10"), null),
						new SalaryComponent("Tax", ComponentKind.DEDUCTION, null, new BigDecimal("0.05"))),
				List.of(), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31), LocalDate.of(2020, 1, 1), null);
		// 5% of 0.10 = 0.005 -> 0.01
		assertThat(result.totalDeductions()).isEqualTo(new BigDecimal("0.01"));
		assertThat(result.netPay()).isEqualTo(new BigDecimal("0.09"));
	}

	static BigInteger units(BigDecimal value, int scale) {
		return value.setScale(scale).unscaledValue();
	}

	/** Half-up of the non-negative fraction p / q. */
	static BigInteger halfUp(BigInteger p, BigInteger q) {
		return p.multiply(BigInteger.TWO).add(q).divide(q.multiply(BigInteger.TWO));
	}

	@Provide
	Arbitrary<Case> cases() {
		Arbitrary<String> currency = Arbitraries.of("EUR", "JPY", "KWD");
		Arbitrary<ComponentKind> kind = Arbitraries.of(ComponentKind.class);
		Arbitrary<BigDecimal> amount = Arbitraries.longs()
			.between(0, 2_000_000_000L)
			.flatMap(u -> Arbitraries.integers()
				.between(0, 4)
				.map(s -> BigDecimal.valueOf(u, 4).setScale(s, java.math.RoundingMode.DOWN)));
		Arbitrary<BigDecimal> rate = Arbitraries.integers().between(0, 1_000_000).map(u -> BigDecimal.valueOf(u, 6));
		Arbitrary<SalaryComponent> component = Combinators.combine(kind, Arbitraries.of(true, false), amount, rate)
			.as((k, fixed, a, r) -> new SalaryComponent("C", k, fixed ? a : null, fixed ? null : r));
		Arbitrary<Adjustment> oneOff = Combinators.combine(kind, amount).as((k, a) -> new Adjustment(k, "x", a));
		Arbitrary<LocalDate> start = Arbitraries.integers()
			.between(0, 3 * 365)
			.map(n -> LocalDate.of(2024, 1, 1).plusDays(n));
		return Combinators
			.combine(currency, component.list().ofMaxSize(6), oneOff.list().ofMaxSize(3), start,
					Arbitraries.integers().between(0, 61), Arbitraries.integers().between(-100, 70),
					Arbitraries.integers().between(-1, 200))
			.as((cur, comps, ones, s, length, hireOffset, stay) -> {
				LocalDate hire = s.plusDays(hireOffset);
				return new Case(cur, comps, ones, s, s.plusDays(length), hire, stay < 0 ? null : hire.plusDays(stay));
			});
	}

}
