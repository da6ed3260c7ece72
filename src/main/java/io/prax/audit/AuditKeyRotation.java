package io.prax.audit;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code java -jar prax.jar audit-rotate-key [--keys-dir
 *
<dir>
 * ]}: retires the checkpoint signing key (its public key stays in the keys directory,
 * published and trusted for the checkpoints it signed) and makes a new one. Runs without
 * Spring or a database; running nodes pick the new key up by themselves. The keys
 * directory is {@code PRAX_KEYS_DIR}, else {@code $PRAX_DATA_DIR/keys}, as for the
 * server.
 */
public final class AuditKeyRotation {

	public static final String COMMAND = "audit-rotate-key";

	private AuditKeyRotation() {
	}

	/**
	 * Runs the command; answers the process exit code: 0 rotated, 1 failed or no key to
	 * rotate, 2 usage.
	 */
	public static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
		Path dir = defaultKeysDir(environment);
		for (int i = 0; i < args.length; i++) {
			if (args[i].equals("--keys-dir") && i + 1 < args.length) {
				dir = Path.of(args[++i]);
			}
			else {
				err.println("usage: java -jar prax.jar " + COMMAND + " [--keys-dir <dir>]");
				return 2;
			}
		}
		if (!java.nio.file.Files.isRegularFile(dir.resolve(AuditSigningKey.FILE))) {
			// A mistyped directory must not quietly get a key of its own.
			err.println(COMMAND + ": nothing to rotate: no " + AuditSigningKey.FILE + " in " + dir
					+ " (Prax creates it on first start; is this the keys directory?)");
			return 1;
		}
		try {
			AuditSigningKey.Rotation rotation = AuditSigningKey.rotate(dir);
			out.println("new audit checkpoint key " + rotation.current() + " in " + dir.resolve(AuditSigningKey.FILE)
					+ "; retired key " + rotation.retired() + " kept as "
					+ dir.resolve(AuditSigningKey.PREFIX + rotation.retired() + ".pem") + " (public key only)");
			return 0;
		}
		catch (RuntimeException ex) {
			err.println(COMMAND + ": cannot rotate the key in " + dir + ": " + ex.getMessage());
			return 1;
		}
	}

	static Path defaultKeysDir(Map<String, String> environment) {
		String keys = environment.get("PRAX_KEYS_DIR");
		if (keys != null && !keys.isBlank()) {
			return Path.of(keys);
		}
		String data = environment.get("PRAX_DATA_DIR");
		return Path.of(data != null && !data.isBlank() ? data : "./data").resolve("keys");
	}

}
