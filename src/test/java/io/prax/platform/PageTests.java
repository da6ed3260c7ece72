package io.prax.platform;

import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one list envelope: the limit rule, keyset pages and opaque cursors. */
class PageTests {

	@Test
	void limitsDefaultTo50AndRefuseOutOfRangeOnTheLimitField() {
		assertThat(Page.limit(null)).isEqualTo(50);
		assertThat(Page.limit(1)).isEqualTo(1);
		assertThat(Page.limit(500)).isEqualTo(500);
		for (int wrong : new int[] { 0, -1, 501 }) {
			assertThatThrownBy(() -> Page.limit(wrong)).isInstanceOfSatisfying(ProblemException.class, ex -> {
				assertThat(ex.code()).isEqualTo("validation_failed");
				assertThat(ex.fieldErrors()).containsEntry("limit", "Use a limit from 1 to 500");
			});
		}
	}

	@Test
	void pagesASortedListUntilTheLastPageHasNoCursor() {
		List<String> all = List.of("delta", "alpha", "charlie", "bravo", "echo");

		Page<String> first = Page.ofSorted(all, Function.identity(), null, 2);
		Page<String> second = Page.ofSorted(all, Function.identity(), first.nextCursor(), 2);
		Page<String> third = Page.ofSorted(all, Function.identity(), second.nextCursor(), 2);

		assertThat(first.items()).containsExactly("alpha", "bravo");
		assertThat(first.nextCursor()).isNotNull();
		assertThat(second.items()).containsExactly("charlie", "delta");
		assertThat(third.items()).containsExactly("echo");
		assertThat(third.nextCursor()).isNull();
		assertThat(Page.ofSorted(all, Function.identity(), null, 5).nextCursor()).isNull();
	}

	@Test
	void aPageIsKeyedByTheLastRowNotByAnOffset() {
		Page<String> first = Page.ofSorted(List.of("a", "b", "c", "d"), Function.identity(), null, 2);

		// "a" was deleted and "bb" added since: the next page still starts right after
		// "b".
		assertThat(Page.ofSorted(List.of("b", "bb", "c", "d"), Function.identity(), first.nextCursor(), 2).items())
			.containsExactly("bb", "c");
	}

	@Test
	void cursorsRoundTripAndForeignOnesAreAValidationProblem() {
		Cursor cursor = Cursor.of("name", "id-1", "a key\nwith a newline");

		assertThat(Cursor.decode(cursor.encode(), 3)).isEqualTo(cursor);
		for (String bogus : new String[] { "bogus!", "Zm9v", cursor.encode() + "%%" }) {
			assertThatThrownBy(() -> Cursor.decode(bogus, 3)).isInstanceOfSatisfying(ProblemException.class,
					ex -> assertThat(ex.fieldErrors()).containsKey("cursor"));
		}
	}

}
