package io.prax.audit;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The verifier's own formatting of PostgreSQL's binary times writes what
 * {@link AuditRecord#time(Instant)} writes for the same instant, over PostgreSQL's whole
 * range (4713 BC to 294276 AD) and its infinities. The seed is fixed so a failure
 * reproduces.
 */
class ChainRowsTests {

	/** Seconds from 1970 to 2000-01-01, PostgreSQL's epoch. */
	private static final long EPOCH = 946_684_800L;

	private final ChainRows rows = new ChainRows();

	@Property(tries = 5000, seed = "20261201")
	void formatsAnyTimeAsTheRecordDoes(
			@ForAll @LongRange(min = -211_813_488_000_000_000L, max = 9_223_371_331_200_000_000L) long micros) {
		assertThat(rows.timeText(micros)).isEqualTo(AuditRecord.time(instant(micros)));
	}

	@Property(tries = 2000, seed = "20261202")
	void formatsRecentTimesAsTheRecordDoes(
			@ForAll @LongRange(min = -946_684_800_000_000L, max = 3_000_000_000_000_000L) long micros) {
		assertThat(rows.timeText(micros)).isEqualTo(AuditRecord.time(instant(micros)));
	}

	@Example
	void formatsTheEdgesAsTheRecordDoes() {
		for (String at : new String[] { "0001-01-01T00:00:00Z", "0000-12-31T23:59:59.999999Z",
				"1969-12-31T23:59:59.999999Z", "1970-01-01T00:00:00Z", "1999-12-31T23:59:59.999999Z",
				"2000-01-01T00:00:00Z", "2000-02-29T12:00:00.5Z", "1900-02-28T23:59:59Z", "1900-03-01T00:00:00Z",
				"2100-02-28T23:59:59.000001Z", "9999-12-31T23:59:59.999999Z", "+10000-01-01T00:00:00Z",
				"-0043-03-15T12:00:00Z", "-4712-01-01T00:00:00Z", "+294276-12-31T23:59:59.999999Z" }) {
			Instant instant = Instant.parse(at);
			long micros = Math.addExact(Math.multiplyExact(instant.getEpochSecond() - EPOCH, 1_000_000L),
					instant.getNano() / 1000);
			assertThat(rows.timeText(micros)).as(at).isEqualTo(AuditRecord.time(instant));
		}
		// The driver reads the infinities as OffsetDateTime.MAX/MIN, which the record's
		// formatter refuses: refused alike.
		assertThatThrownBy(() -> AuditRecord.time(OffsetDateTime.MAX.toInstant()))
			.isInstanceOf(DateTimeException.class);
		assertThatThrownBy(() -> rows.timeText(Long.MAX_VALUE)).isInstanceOf(DateTimeException.class);
		assertThatThrownBy(() -> AuditRecord.time(OffsetDateTime.MIN.toInstant()))
			.isInstanceOf(DateTimeException.class);
		assertThatThrownBy(() -> rows.timeText(Long.MIN_VALUE)).isInstanceOf(DateTimeException.class);
	}

	private static Instant instant(long postgresMicros) {
		return Instant.ofEpochSecond(Math.floorDiv(postgresMicros, 1_000_000L) + EPOCH,
				Math.floorMod(postgresMicros, 1_000_000L) * 1000);
	}

}
