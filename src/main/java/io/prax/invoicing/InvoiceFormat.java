package io.prax.invoicing;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Money, rates and dates as pages and PDFs print them
 * ({@code ${@invoiceFormat.money(...)}} in templates).
 */
@Component("invoiceFormat")
public class InvoiceFormat {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

	/**
	 * {@code 1,234.50 EUR}; the amount keeps the decimals of the currency's minor unit.
	 */
	public String money(@Nullable String amount, @Nullable String currency) {
		if (amount == null) {
			return "—";
		}
		BigDecimal value = new BigDecimal(amount);
		DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
		format.setMinimumFractionDigits(Math.max(0, value.scale()));
		format.setMaximumFractionDigits(Math.max(0, value.scale()));
		return format.format(value) + (currency == null ? "" : " " + currency);
	}

	/** {@code 0.19} as {@code 19%}, {@code 0.075} as {@code 7.5%}. */
	public String rate(@Nullable String rate) {
		if (rate == null) {
			return "—";
		}
		return InvoiceTotals.rateKey(new BigDecimal(rate).movePointRight(2)).toPlainString() + "%";
	}

	public String quantity(@Nullable String quantity) {
		if (quantity == null) {
			return "";
		}
		DecimalFormat format = new DecimalFormat("#,##0.####", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
		return format.format(new BigDecimal(quantity));
	}

	public String date(@Nullable Object date) {
		if (date == null) {
			return "—";
		}
		LocalDate day = date instanceof LocalDate d ? d : LocalDate.parse(date.toString());
		return DATE.format(day);
	}

	public boolean negative(@Nullable String amount) {
		return amount != null && new BigDecimal(amount).signum() < 0;
	}

}
