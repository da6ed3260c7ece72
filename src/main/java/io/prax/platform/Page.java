package io.prax.platform;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * One page of a list, {@code {items, nextCursor}}, as every list endpoint answers;
 * {@code nextCursor} is null on the last page. Pages are keysets: a cursor names the last
 * row's sort key, never an offset.
 */
public record Page<T>(List<T> items, @Nullable String nextCursor) {

	public static final int DEFAULT_LIMIT = 50;

	public static final int MAX_LIMIT = 500;

	public Page {
		items = List.copyOf(items);
	}

	/**
	 * The one limit rule: absent means {@value #DEFAULT_LIMIT}; 1 to {@value #MAX_LIMIT},
	 * else 400 on {@code limit}.
	 */
	public static int limit(@Nullable Integer limit) {
		if (limit == null) {
			return DEFAULT_LIMIT;
		}
		if (limit < 1 || limit > MAX_LIMIT) {
			throw ProblemException.validation(Map.of("limit", "Use a limit from 1 to " + MAX_LIMIT));
		}
		return limit;
	}

	/**
	 * A page from rows fetched with {@code limit + 1} after the cursor: the extra row
	 * only says that there is a next page, whose cursor is the position of the last row
	 * shown.
	 */
	public static <R, T> Page<T> of(List<R> rows, int limit, Function<R, T> view, Function<R, Cursor> position) {
		boolean more = rows.size() > limit;
		List<R> shown = more ? rows.subList(0, limit) : rows;
		return new Page<>(shown.stream().map(view).toList(),
				more ? position.apply(shown.get(limit - 1)).encode() : null);
	}

	/**
	 * A keyset page over a small list held in memory (roles, designations, contacts):
	 * sorted by a unique string {@code key}, rows after the cursor's key.
	 */
	public static <T> Page<T> ofSorted(List<T> all, Function<T, String> key, @Nullable String cursor,
			@Nullable Integer limit) {
		int size = limit(limit);
		String after = cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor, 1).part(0);
		List<T> rows = all.stream()
			.sorted(Comparator.comparing(key))
			.filter(row -> after == null || key.apply(row).compareTo(after) > 0)
			.limit(size + 1L)
			.toList();
		return of(rows, size, Function.identity(), row -> Cursor.of(key.apply(row)));
	}
}
