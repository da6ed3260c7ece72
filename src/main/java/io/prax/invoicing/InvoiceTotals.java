package io.prax.invoicing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * The arithmetic of an invoice: each line's net amount and tax are rounded half-up to the
 * currency's minor unit (JPY 0, EUR 2, KWD 3 digits), then summed, and summed again per
 * tax rate.
 */
public final class InvoiceTotals {

	private InvoiceTotals() {
	}

	/**
	 * A line as entered; {@code sourceLine} is the original's line number on a credit
	 * note.
	 */
	public record Line(String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal taxRate,
			@Nullable Integer sourceLine) {
	}

	public record ComputedLine(int number, Line line, BigDecimal netAmount, BigDecimal taxAmount) {
	}

	public record TaxGroup(BigDecimal rate, BigDecimal netAmount, BigDecimal taxAmount) {
	}

	public record Computed(int minorUnit, List<ComputedLine> lines, List<TaxGroup> taxes, BigDecimal netTotal,
			BigDecimal taxTotal, BigDecimal grossTotal) {
	}

	/**
	 * The currency's minor unit, or -1 for codes without one (XAU, XXX): those are not
	 * invoice currencies.
	 */
	public static int minorUnit(String currency) {
		return Currency.getInstance(currency).getDefaultFractionDigits();
	}

	public static Computed compute(List<Line> lines, String currency) {
		int digits = minorUnit(currency);
		if (digits < 0) {
			throw new IllegalArgumentException(currency + " has no minor unit");
		}
		List<ComputedLine> computed = new ArrayList<>();
		Map<BigDecimal, BigDecimal[]> byRate = new TreeMap<>();
		BigDecimal net = BigDecimal.ZERO.setScale(digits);
		BigDecimal tax = BigDecimal.ZERO.setScale(digits);
		int number = 1;
		for (Line line : lines) {
			BigDecimal lineNet = line.quantity().multiply(line.unitPrice()).setScale(digits, RoundingMode.HALF_UP);
			BigDecimal lineTax = lineNet.multiply(line.taxRate()).setScale(digits, RoundingMode.HALF_UP);
			computed.add(new ComputedLine(number++, line, lineNet, lineTax));
			net = net.add(lineNet);
			tax = tax.add(lineTax);
			BigDecimal[] group = byRate.computeIfAbsent(rateKey(line.taxRate()),
					r -> new BigDecimal[] { BigDecimal.ZERO.setScale(digits), BigDecimal.ZERO.setScale(digits) });
			group[0] = group[0].add(lineNet);
			group[1] = group[1].add(lineTax);
		}
		List<TaxGroup> taxes = byRate.entrySet()
			.stream()
			.map(e -> new TaxGroup(e.getKey(), e.getValue()[0], e.getValue()[1]))
			.toList();
		return new Computed(digits, List.copyOf(computed), taxes, net, tax, net.add(tax));
	}

	/** 0.19 and 0.190 are one rate. */
	static BigDecimal rateKey(BigDecimal rate) {
		BigDecimal stripped = rate.stripTrailingZeros();
		return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
	}

}
