package io.prax.invoicing;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invoice arithmetic against an independent computation in integer minor units: half-up
 * per line, summed per tax rate, in currencies with 0 (JPY), 2 (EUR) and 3 (KWD, BHD)
 * decimals.
 */
class InvoiceTotalsTests {

	@Property(tries = 1000, seed = "20260301")
	void agreesWithAnIndependentComputation(@ForAll("currencies") String currency,
			@ForAll("lines") List<InvoiceTotals.Line> lines) {
		int digits = java.util.Currency.getInstance(currency).getDefaultFractionDigits();

		InvoiceTotals.Computed computed = InvoiceTotals.compute(lines, currency);

		BigInteger net = BigInteger.ZERO;
		BigInteger tax = BigInteger.ZERO;
		Map<BigDecimal, BigInteger[]> byRate = new TreeMap<>();
		for (int i = 0; i < lines.size(); i++) {
			InvoiceTotals.Line line = lines.get(i);
			BigInteger lineNet = halfUpMinorUnits(line.quantity().multiply(line.unitPrice()), digits);
			BigInteger lineTax = halfUpMinorUnits(new BigDecimal(lineNet, digits).multiply(line.taxRate()), digits);
			assertThat(computed.lines().get(i).netAmount()).isEqualTo(new BigDecimal(lineNet, digits));
			assertThat(computed.lines().get(i).taxAmount()).isEqualTo(new BigDecimal(lineTax, digits));
			net = net.add(lineNet);
			tax = tax.add(lineTax);
			BigInteger[] group = byRate.computeIfAbsent(line.taxRate().stripTrailingZeros(),
					r -> new BigInteger[] { BigInteger.ZERO, BigInteger.ZERO });
			group[0] = group[0].add(lineNet);
			group[1] = group[1].add(lineTax);
		}
		assertThat(computed.netTotal()).isEqualTo(new BigDecimal(net, digits));
		assertThat(computed.taxTotal()).isEqualTo(new BigDecimal(tax, digits));
		assertThat(computed.grossTotal()).isEqualTo(new BigDecimal(net.add(tax), digits));
		assertThat(computed.taxes()).hasSize(byRate.size());
		List<BigDecimal[]> expected = new ArrayList<>();
		byRate.values()
			.forEach(
					g -> expected.add(new BigDecimal[] { new BigDecimal(g[0], digits), new BigDecimal(g[1], digits) }));
		for (int i = 0; i < expected.size(); i++) {
			assertThat(computed.taxes().get(i).netAmount()).isEqualTo(expected.get(i)[0]);
			assertThat(computed.taxes().get(i).taxAmount()).isEqualTo(expected.get(i)[1]);
		}
		BigInteger perRateTax = byRate.values().stream().map(g -> g[1]).reduce(BigInteger.ZERO, BigInteger::add);
		assertThat(perRateTax).isEqualTo(tax);
	}

	@Example
	void roundsHalfUpAtTheMinorUnit() {
		assertThat(total("EUR", "1", "0.005", "0").netTotal()).isEqualTo(new BigDecimal("0.01"));
		assertThat(total("EUR", "1", "0.50", "0.07").taxTotal()).isEqualTo(new BigDecimal("0.04"));
		assertThat(total("EUR", "1", "0.0049", "0").netTotal()).isEqualTo(new BigDecimal("0.00"));
		assertThat(total("JPY", "1", "0.5", "0").netTotal()).isEqualTo(new BigDecimal("1"));
		assertThat(total("JPY", "3", "33.5", "0.1").grossTotal()).isEqualTo(new BigDecimal("111"));
		assertThat(total("KWD", "1", "0.0005", "0").netTotal()).isEqualTo(new BigDecimal("0.001"));
		assertThat(total("KWD", "1", "1.2345", "0.05").taxTotal()).isEqualTo(new BigDecimal("0.062"));
	}

	@Example
	void roundsEachLineBeforeSumming() {
		// three lines of 0.005 tax each: 0.01 per line, 0.03 in all (not 0.015 rounded
		// once)
		List<InvoiceTotals.Line> lines = List.of(line("1", "0.05", "0.1"), line("1", "0.05", "0.1"),
				line("1", "0.05", "0.1"));
		assertThat(InvoiceTotals.compute(lines, "EUR").taxTotal()).isEqualTo(new BigDecimal("0.03"));
	}

	@Example
	void reversesExactlyWhenNegated() {
		InvoiceTotals.Computed forward = InvoiceTotals.compute(List.of(line("3", "0.335", "0.19")), "EUR");
		InvoiceTotals.Computed back = InvoiceTotals.compute(List.of(line("-3", "0.335", "0.19")), "EUR");
		assertThat(back.grossTotal()).isEqualTo(forward.grossTotal().negate());
	}

	@Provide
	Arbitrary<String> currencies() {
		return Arbitraries.of("EUR", "USD", "JPY", "KWD", "BHD", "CHF", "KRW");
	}

	@Provide
	Arbitrary<List<InvoiceTotals.Line>> lines() {
		Arbitrary<BigDecimal> quantity = Arbitraries.bigDecimals()
			.between(new BigDecimal("0.0001"), new BigDecimal("100000"))
			.ofScale(4);
		// prices ending in 5 at one digit past the minor unit hit the half-up edge often
		Arbitrary<BigDecimal> price = Arbitraries.oneOf(
				Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("1000000")).ofScale(6),
				Arbitraries.integers().between(0, 100000).map(n -> new BigDecimal(n * 10L + 5).movePointLeft(3)),
				Arbitraries.integers().between(0, 100000).map(n -> new BigDecimal(n * 10L + 5).movePointLeft(1)),
				Arbitraries.integers().between(0, 100000).map(n -> new BigDecimal(n * 10L + 5).movePointLeft(4)));
		Arbitrary<BigDecimal> rate = Arbitraries
			.of("0", "0.05", "0.07", "0.1", "0.19", "0.2", "0.21", "0.075", "0.0825", "0.190")
			.map(BigDecimal::new);
		Arbitrary<InvoiceTotals.Line> line = Combinators.combine(quantity, price, rate)
			.as((q, p, r) -> new InvoiceTotals.Line("line", q, p, r, null));
		return line.list().ofMinSize(0).ofMaxSize(12);
	}

	/**
	 * Independent of BigDecimal rounding: scale to minor units with integers and round
	 * half away from zero.
	 */
	static BigInteger halfUpMinorUnits(BigDecimal value, int digits) {
		BigInteger numerator = value.unscaledValue();
		int scale = value.scale() - digits;
		if (scale <= 0) {
			return numerator.multiply(BigInteger.TEN.pow(-scale));
		}
		BigInteger denominator = BigInteger.TEN.pow(scale);
		BigInteger magnitude = numerator.abs()
			.multiply(BigInteger.TWO)
			.add(denominator)
			.divide(denominator.multiply(BigInteger.TWO));
		return numerator.signum() < 0 ? magnitude.negate() : magnitude;
	}

	private static InvoiceTotals.Computed total(String currency, String quantity, String price, String rate) {
		return InvoiceTotals.compute(List.of(line(quantity, price, rate)), currency);
	}

	private static InvoiceTotals.Line line(String quantity, String price, String rate) {
		return new InvoiceTotals.Line("line", new BigDecimal(quantity), new BigDecimal(price), new BigDecimal(rate),
				null);
	}

}
