package io.prax.tenancy;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.prax.platform.SecretFiles;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL 17 that Prax starts when no database URL is configured. Data
 * lives under {@code <data dir>/postgres} and survives restarts. On first start it
 * creates the owner and the application roles with generated passwords (kept in the keys
 * directory), then restarts with scram-sha-256 required for every connection, listening
 * on loopback only. One server per data directory per JVM, so several application
 * contexts (tests) share it. A server left running by a Prax that was killed is stopped
 * first ({@link OrphanedPostmaster}); the data directory's lock file tells such an orphan
 * from the server of a Prax that is still running. Commits are durable ({@code fsync},
 * {@code synchronous_commit}): what Prax acknowledged survives a crash.
 */
final class EmbeddedPostgresServer {

	static final String DATABASE = "prax";
	static final String OWNER_ROLE = "prax_owner";
	static final String APP_ROLE = "prax_app";

	private static final String SUPERUSER = "postgres";

	private static final String PROVISIONED_MARKER = "prax-provisioned";

	/** Next to the server's directory: initdb wants that one empty. */
	private static final String LOCK_FILE = "postgres.lock";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	private static final Map<Path, DatabaseEndpoints> RUNNING = new ConcurrentHashMap<>();

	/**
	 * Held for the life of the JVM; the operating system releases them when it dies,
	 * however it dies.
	 */
	private static final Map<Path, FileLock> LOCKS = new ConcurrentHashMap<>();

	private EmbeddedPostgresServer() {
	}

	static DatabaseEndpoints start(Path dataDir, Path keysDir) {
		Path pgData = dataDir.resolve("postgres").toAbsolutePath().normalize();
		return RUNNING.computeIfAbsent(pgData, dir -> boot(dir, keysDir));
	}

	/**
	 * The superuser endpoint, for tests that must act outside the application's
	 * permissions.
	 */
	static String superuserPassword(Path keysDir) {
		return secret(keysDir, "db-superuser.password");
	}

	private static DatabaseEndpoints boot(Path pgData, Path keysDir) {
		String superPassword = superuserPassword(keysDir);
		String ownerPassword = secret(keysDir, "db-owner.password");
		String appPassword = secret(keysDir, "db-app.password");
		try {
			Files.createDirectories(pgData);
			lock(pgData);
			OrphanedPostmaster.clear(pgData);
			boolean provisioned = Files.exists(pgData.resolve(PROVISIONED_MARKER));
			EmbeddedPostgres server = launch(pgData, superPassword, provisioned);
			if (!provisioned) {
				provision(server, superPassword, ownerPassword, appPassword);
				Files.writeString(pgData.resolve(PROVISIONED_MARKER), "roles created\n");
				server.close();
				server = launch(pgData, superPassword, true);
			}
			log.info("Embedded PostgreSQL 17 on 127.0.0.1:{} with data in {}", server.getPort(), pgData);
			String url = "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/" + DATABASE;
			return new DatabaseEndpoints(url, APP_ROLE, appPassword, OWNER_ROLE, ownerPassword);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + pgData, ex);
		}
	}

	private static EmbeddedPostgres launch(Path pgData, String superPassword, boolean requirePasswords)
			throws IOException {
		return EmbeddedPostgres.builder()
			.setDataDirectory(pgData)
			.setCleanDataDirectory(false)
			.setServerConfig("listen_addresses", "127.0.0.1")
			.setServerConfig("password_encryption", "scram-sha-256")
			// zonky's defaults are for throw-away test databases: no fsync, asynchronous
			// commits.
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.setConnectConfig("password", superPassword)
			.setPGStartupWait(Duration.ofSeconds(60))
			.setDataDirectoryCustomizer(dir -> writeHba(dir, requirePasswords))
			.start();
	}

	/** Only one Prax at a time may run the server of a data directory. */
	private static void lock(Path pgData) throws IOException {
		FileChannel channel = FileChannel.open(pgData.resolveSibling(LOCK_FILE), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE);
		FileLock lock = channel.tryLock();
		if (lock == null) {
			channel.close();
			throw new IllegalStateException("Another running Prax uses the data directory " + pgData.getParent()
					+ "; stop it first or give this one its own PRAX_DATA_DIR");
		}
		LOCKS.put(pgData, lock);
	}

	/**
	 * Before provisioning the roles have no passwords yet; afterwards every connection
	 * needs one.
	 */
	private static void writeHba(File dir, boolean requirePasswords) {
		String method = requirePasswords ? "scram-sha-256" : "trust";
		String hba = "# written by Prax on every start\n" + "local all all " + method + "\n"
				+ "host all all 127.0.0.1/32 " + method + "\n" + "host all all ::1/128 " + method + "\n";
		try {
			Files.writeString(dir.toPath().resolve("pg_hba.conf"), hba);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void provision(EmbeddedPostgres server, String superPassword, String ownerPassword,
			String appPassword) {
		try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
			s.execute("alter role " + SUPERUSER + " password '" + superPassword + "'");
			s.execute("create role " + OWNER_ROLE + " login password '" + ownerPassword + "'");
			s.execute("create role " + APP_ROLE + " login nosuperuser nocreatedb nocreaterole nobypassrls password '"
					+ appPassword + "'");
			s.execute("create database " + DATABASE + " owner " + OWNER_ROLE);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create the Prax roles in the embedded PostgreSQL", ex);
		}
		PGSimpleDataSource prax = new PGSimpleDataSource();
		prax.setURL("jdbc:postgresql://127.0.0.1:" + server.getPort() + "/" + DATABASE);
		prax.setUser(SUPERUSER);
		try (Connection c = prax.getConnection(); Statement s = c.createStatement()) {
			s.execute("revoke all on schema public from public");
			s.execute("alter schema public owner to " + OWNER_ROLE);
			s.execute("grant usage on schema public to " + APP_ROLE);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot prepare the Prax schema in the embedded PostgreSQL", ex);
		}
	}

	private static String secret(Path keysDir, String name) {
		return SecretFiles.readOrCreate(keysDir.resolve(name), () -> SecretFiles.randomToken(24));
	}

}
