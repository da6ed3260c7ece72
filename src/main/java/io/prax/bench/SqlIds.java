package io.prax.bench;

/**
 * UUIDv7-shaped ids made by PostgreSQL for bulk rows, as the application's own ids are
 * UUIDv7.
 */
final class SqlIds {

	private SqlIds() {
	}

	/**
	 * A UUIDv7 whose 48-bit time is {@code millis} (SQL) and whose random bits come from
	 * the MD5 of {@code seed} (SQL text): unique for distinct seeds, ascending with the
	 * time.
	 */
	static String uuid7(String millis, String seed) {
		return "(lpad(to_hex(" + millis + "), 12, '0') || '7' || substr(md5(" + seed + "), 1, 3) || '8' || substr(md5("
				+ seed + "), 4, 15))::uuid";
	}

}
