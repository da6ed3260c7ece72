package io.prax.customer;

import java.util.Arrays;
import java.util.Map;

import io.prax.platform.ProblemException;
import org.jspecify.annotations.Nullable;

/**
 * How a customer list is ordered: by name or by last change, either way; {@code -} means
 * descending.
 */
public enum CustomerOrder {

	NAME("name", "c.nameKey", false), NAME_DESC("-name", "c.nameKey", true), UPDATED("updatedAt", "c.updatedAt", false),
	UPDATED_DESC("-updatedAt", "c.updatedAt", true);

	private final String param;

	final String key;

	final boolean descending;

	CustomerOrder(String param, String key, boolean descending) {
		this.param = param;
		this.key = key;
		this.descending = descending;
	}

	/** The value of the {@code sort} parameter. */
	public String param() {
		return param;
	}

	boolean byName() {
		return this == NAME || this == NAME_DESC;
	}

	/** Name ascending when absent; 400 for anything unknown. */
	public static CustomerOrder parse(@Nullable String sort) {
		if (sort == null || sort.isBlank()) {
			return NAME;
		}
		return Arrays.stream(values())
			.filter(order -> order.param.equals(sort.strip()))
			.findFirst()
			.orElseThrow(
					() -> ProblemException.validation(Map.of("sort", "Sort by name, -name, updatedAt or -updatedAt")));
	}

}
