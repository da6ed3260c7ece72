package io.prax.audit;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

/**
 * Feeds the current tenant's chain to a {@link ChainVerifier} straight from PostgreSQL's
 * binary COPY stream: the server's verify hot path. COPY streams while we hash (a cursor
 * would make the database wait for each fetch), the binary form needs no text decoding
 * (uuids are 16 bytes, times are microseconds, text is UTF-8 as hashed), and each event's
 * RFC 8785 content is written as UTF-8 into one reused buffer: byte for byte what
 * {@link AuditRecord#canonicalContent()} gives ({@code ChainRowsDatabaseTests}), with few
 * objects per event (the checksum strings, the tenant's UUID, a Jackson parser). Memory
 * stays constant: one row at a time.
 */
final class ChainRows implements BooleanSupplier {

	/** The columns in the order {@link #event} reads them. */
	static final String COPY = "copy (select tenant_id, seq, occurred_at, actor_id, actor_name, actor_tier, "
			+ "session_id, ip, user_agent, action, entity_type, entity_id, changes::text, reason, previous_checksum, "
			+ "checksum from audit_event order by seq) to stdout (format binary)";

	private static final int COLUMNS = 16;

	private static final byte[] SIGNATURE = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0 };

	/** Seconds from 1970-01-01 to PostgreSQL's epoch, 2000-01-01. */
	private static final long POSTGRES_EPOCH = 946_684_800L;

	/** Seconds since 1970 of 0001-01-01 and of 10000-01-01: four-digit years. */
	private static final long FIRST_SECOND = -62_135_596_800L;

	private static final long END_SECOND = 253_402_300_800L;

	private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

	// The content's members in RFC 8785 order, each with what precedes it.
	private static final byte[] ACTION = ascii("{\"action\":");

	private static final byte[] ACTOR_ID = ascii(",\"actorId\":");

	private static final byte[] ACTOR_NAME = ascii(",\"actorName\":");

	private static final byte[] ACTOR_TIER = ascii(",\"actorTier\":");

	private static final byte[] CHANGES = ascii(",\"changes\":");

	private static final byte[] ENTITY_ID = ascii(",\"entityId\":");

	private static final byte[] ENTITY_TYPE = ascii(",\"entityType\":");

	private static final byte[] IP = ascii(",\"ip\":");

	private static final byte[] OCCURRED_AT = ascii(",\"occurredAt\":");

	private static final byte[] REASON = ascii(",\"reason\":");

	private static final byte[] SEQ = ascii(",\"seq\":");

	private static final byte[] SESSION_ID = ascii(",\"sessionId\":");

	private static final byte[] TENANT_ID = ascii(",\"tenantId\":");

	private static final byte[] USER_AGENT = ascii(",\"userAgent\":");

	private final CanonicalBytes content = new CanonicalBytes();

	private final CanonicalChanges changes = new CanonicalChanges();

	private final MessageDigest sha256 = sha256();

	private final byte[] digest = new byte[32];

	private final int[] offsets = new int[COLUMNS];

	private final int[] lengths = new int[COLUMNS];

	private final byte[] time = new byte[29];

	private byte[] row = new byte[0];

	/**
	 * Walks every event of the tenant whose rows {@code connection} sees, in {@code seq}
	 * order, until {@code verifier} finds a problem. COPY cannot be stopped without
	 * aborting the transaction, so after a problem the rest is read and dropped.
	 */
	void walk(Connection connection, ChainVerifier verifier) throws SQLException {
		CopyOut copy = connection.unwrap(PGConnection.class).getCopyAPI().copyOut(COPY);
		try {
			boolean header = true;
			boolean walking = true;
			byte[] message;
			while ((message = copy.readFromCopy()) != null) {
				row = message;
				int at = header ? header() : 0;
				header = false;
				if (walking && fields(at)) {
					walking = event(verifier);
				}
			}
		}
		catch (RuntimeException ex) {
			// Read to the end, so the connection stays usable; a cancel could hit its
			// next
			// statement.
			try {
				while (copy.isActive() && copy.readFromCopy() != null) {
					// dropped
				}
			}
			catch (SQLException drained) {
				ex.addSuppressed(drained);
			}
			throw ex;
		}
	}

	/**
	 * The header precedes the first row in the same message; answers where the row
	 * starts.
	 */
	private int header() {
		for (int i = 0; i < SIGNATURE.length; i++) {
			if (row.length <= i || row[i] != SIGNATURE[i]) {
				throw new IllegalStateException("not a binary COPY stream");
			}
		}
		return SIGNATURE.length + 8 + readInt(SIGNATURE.length + 4);
	}

	/**
	 * Locates the row's fields in the message (PostgreSQL sends one row per message);
	 * false for the trailer.
	 */
	private boolean fields(int at) {
		int count = readShort(at);
		if (count == -1) {
			return false;
		}
		if (count != COLUMNS) {
			throw new IllegalStateException("a COPY row of " + count + " columns");
		}
		at += 2;
		for (int i = 0; i < COLUMNS; i++) {
			int length = readInt(at);
			at += 4;
			offsets[i] = at;
			lengths[i] = length;
			if (length > 0) {
				at += length;
			}
			if (at > row.length) {
				throw new IllegalStateException("a COPY row beyond its message");
			}
		}
		return true;
	}

	/** Hands the row to the verifier; false once it found a problem. */
	private boolean event(ChainVerifier verifier) {
		int tenant = required(0, 16);
		return verifier.accept(new UUID(readLong(tenant), readLong(tenant + 8)), readLong(required(1, 8)), stored(14),
				stored(15), this);
	}

	/** Whether the row's checksum is the hash of its link and content. */
	@Override
	public boolean getAsBoolean() {
		writeContent(readLong(offsets[1]));
		sha256.update(row, offsets[14], lengths[14]);
		sha256.update(content.bytes(), 0, content.size());
		try {
			sha256.digest(digest, 0, digest.length);
		}
		catch (DigestException ex) {
			throw new IllegalStateException("SHA-256 digests are 32 bytes", ex);
		}
		return matches(offsets[15], lengths[15]);
	}

	private void writeContent(long seq) {
		content.reset();
		content.raw(ACTION);
		string(9);
		content.raw(ACTOR_ID);
		uuid(3);
		content.raw(ACTOR_NAME);
		string(4);
		content.raw(ACTOR_TIER);
		string(5);
		content.raw(CHANGES);
		if (lengths[12] < 0) {
			content.nullValue();
		}
		else {
			changes.write(content, row, offsets[12], lengths[12]);
		}
		content.raw(ENTITY_ID);
		string(11);
		content.raw(ENTITY_TYPE);
		string(10);
		content.raw(IP);
		string(7);
		content.raw(OCCURRED_AT);
		time(readLong(required(2, 8)));
		content.raw(REASON);
		string(13);
		content.raw(SEQ);
		content.number(seq);
		content.raw(SESSION_ID);
		uuid(6);
		content.raw(TENANT_ID);
		content.uuid(row, required(0, 16));
		content.raw(USER_AGENT);
		string(8);
		content.raw((byte) '}');
	}

	/** Whether the stored checksum is the lower-case hex of the digest. */
	private boolean matches(int offset, int length) {
		if (length != 64) {
			return false;
		}
		for (int i = 0; i < 32; i++) {
			int b = digest[i] & 0xff;
			if (row[offset + 2 * i] != HEX[b >> 4] || row[offset + 2 * i + 1] != HEX[b & 0xf]) {
				return false;
			}
		}
		return true;
	}

	private void string(int column) {
		if (lengths[column] < 0) {
			content.nullValue();
		}
		else {
			content.utf8String(row, offsets[column], lengths[column]);
		}
	}

	private String stored(int column) {
		return new String(row, required(column, -1), lengths[column], StandardCharsets.UTF_8);
	}

	private void uuid(int column) {
		if (lengths[column] < 0) {
			content.nullValue();
		}
		else {
			content.uuid(row, required(column, 16));
		}
	}

	/** {@link #time(long)}'s text, for tests. */
	String timeText(long postgresMicros) {
		content.reset();
		time(postgresMicros);
		return new String(content.bytes(), 1, content.size() - 2, StandardCharsets.UTF_8);
	}

	/**
	 * The time as {@link AuditRecord#time(Instant)} writes it: four-digit years by hand,
	 * the rest (and PostgreSQL's infinities, which the driver reads as
	 * {@link OffsetDateTime#MAX}/{@code MIN}) through it.
	 */
	private void time(long postgresMicros) {
		Instant instant;
		if (postgresMicros == Long.MAX_VALUE) {
			instant = OffsetDateTime.MAX.toInstant();
		}
		else if (postgresMicros == Long.MIN_VALUE) {
			instant = OffsetDateTime.MIN.toInstant();
		}
		else {
			long second = Math.floorDiv(postgresMicros, 1_000_000L) + POSTGRES_EPOCH;
			int fraction = (int) Math.floorMod(postgresMicros, 1_000_000L);
			if (second >= FIRST_SECOND && second < END_SECOND) {
				civil(second, fraction);
				return;
			}
			instant = Instant.ofEpochSecond(second, fraction * 1_000L);
		}
		byte[] slow = AuditRecord.time(instant).getBytes(StandardCharsets.UTF_8);
		content.utf8String(slow, 0, slow.length);
	}

	/**
	 * {@code "yyyy-MM-ddTHH:mm:ss.SSSSSSZ"}: days to a date as in java.time's
	 * LocalDate.ofEpochDay.
	 */
	private void civil(long second, int fraction) {
		long day = Math.floorDiv(second, 86_400L);
		int secondOfDay = (int) Math.floorMod(second, 86_400L);
		long zeroDay = day + 719_528 - 60;
		long adjust = 0;
		if (zeroDay < 0) {
			long cycles = (zeroDay + 1) / 146_097 - 1;
			adjust = cycles * 400;
			zeroDay += -cycles * 146_097;
		}
		long yearEst = (400 * zeroDay + 591) / 146_097;
		long doyEst = zeroDay - (365 * yearEst + yearEst / 4 - yearEst / 100 + yearEst / 400);
		if (doyEst < 0) {
			yearEst--;
			doyEst = zeroDay - (365 * yearEst + yearEst / 4 - yearEst / 100 + yearEst / 400);
		}
		yearEst += adjust;
		int marchDoy0 = (int) doyEst;
		int marchMonth0 = (marchDoy0 * 5 + 2) / 153;
		int month = (marchMonth0 + 2) % 12 + 1;
		int dom = marchDoy0 - (marchMonth0 * 306 + 5) / 10 + 1;
		long year = yearEst + marchMonth0 / 10;
		byte[] b = time;
		b[0] = '"';
		digits(b, 1, year, 4);
		b[5] = '-';
		digits(b, 6, month, 2);
		b[8] = '-';
		digits(b, 9, dom, 2);
		b[11] = 'T';
		digits(b, 12, secondOfDay / 3600, 2);
		b[14] = ':';
		digits(b, 15, secondOfDay / 60 % 60, 2);
		b[17] = ':';
		digits(b, 18, secondOfDay % 60, 2);
		b[20] = '.';
		digits(b, 21, fraction, 6);
		b[27] = 'Z';
		b[28] = '"';
		content.raw(b);
	}

	private static void digits(byte[] target, int at, long value, int width) {
		for (int i = at + width - 1; i >= at; i--) {
			target[i] = (byte) ('0' + value % 10);
			value /= 10;
		}
	}

	/**
	 * The column's offset; a NOT NULL column read as null or with the wrong width is
	 * refused.
	 */
	private int required(int column, int width) {
		if (lengths[column] < 0 || width >= 0 && lengths[column] != width) {
			throw new IllegalStateException("audit_event column " + column + " has " + lengths[column] + " bytes");
		}
		return offsets[column];
	}

	private int readShort(int at) {
		return (short) ((row[at] & 0xff) << 8 | row[at + 1] & 0xff);
	}

	private int readInt(int at) {
		return (row[at] & 0xff) << 24 | (row[at + 1] & 0xff) << 16 | (row[at + 2] & 0xff) << 8 | row[at + 3] & 0xff;
	}

	private long readLong(int at) {
		return (long) readInt(at) << 32 | readInt(at + 4) & 0xffffffffL;
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

}
