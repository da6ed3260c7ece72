package io.prax.session;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.prax.platform.NodeCaches;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Listens on a dedicated PostgreSQL connection for {@code prax_session_revoked}
 * notifications ({@code <tenantId>:<sessionId>}) and tells this node's
 * {@link SessionLiveness}, and for {@link NodeCaches#CHANNEL} notifications
 * ({@code <tenantId>}, sent by the database triggers of the cached tables) and tells this
 * node's {@link NodeCaches}. While the connection is down, or the listening thread has
 * not checked in for {@link #STALE_AFTER_MILLIS}, both are bypassed; after reconnecting
 * they forget everything before trusting it again.
 */
@Component
class SessionRevocationListener implements SmartLifecycle {

	static final String CHANNEL = "prax_session_revoked";

	private static final long POLL_MILLIS = 250;

	private static final long STALE_AFTER_MILLIS = 3_000;

	private static final long RETRY_MILLIS = 200;

	/**
	 * A quiet connection is pinged this often, so a silently dead one is noticed (and
	 * stops checking in).
	 */
	private static final long PING_MILLIS = 2_000;

	private static final Logger log = LoggerFactory.getLogger(SessionRevocationListener.class);

	private final DataSource dataSource;

	private final SessionLiveness liveness;

	private final NodeCaches caches;

	/** Names this node's listening connection in {@code pg_stat_activity}. */
	private final String applicationName = "prax-revocations-" + UUID.randomUUID().toString().substring(0, 8);

	private final AtomicLong connections = new AtomicLong();

	private volatile boolean running;

	private volatile boolean listening;

	private volatile long lastCheckIn;

	private volatile @Nullable Thread thread;

	private volatile @Nullable Connection connection;

	SessionRevocationListener(DataSource dataSource, SessionLiveness liveness, NodeCaches caches) {
		this.dataSource = dataSource;
		this.liveness = liveness;
		this.caches = caches;
		liveness.trustWhile(this::healthy);
		caches.trustWhile(this::healthy);
	}

	/**
	 * True while notifications would reach this node: connected, listening and recently
	 * checked in.
	 */
	boolean healthy() {
		return listening && System.nanoTime() - lastCheckIn < TimeUnit.MILLISECONDS.toNanos(STALE_AFTER_MILLIS);
	}

	String applicationName() {
		return applicationName;
	}

	/** How many times the listening connection was (re-)established. */
	long connections() {
		return connections.get();
	}

	@Override
	public void start() {
		running = true;
		Thread t = new Thread(this::listenUntilStopped, "prax-session-revocations");
		t.setDaemon(true);
		thread = t;
		t.start();
	}

	@Override
	public void stop() {
		running = false;
		listening = false;
		Thread t = thread;
		if (t != null) {
			t.interrupt();
		}
		closeQuietly();
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	private void listenUntilStopped() {
		while (running) {
			try (Connection c = open()) {
				connection = c;
				try (Statement s = c.createStatement()) {
					s.execute("LISTEN " + CHANNEL);
					s.execute("LISTEN " + NodeCaches.CHANNEL);
				}
				PGConnection pg = c.unwrap(PGConnection.class);
				// Anything revoked or changed while we were not listening is unknown:
				// forget all, then trust again.
				liveness.forgetLive();
				caches.forgetAll();
				lastCheckIn = System.nanoTime();
				listening = true;
				connections.incrementAndGet();
				log.debug("Listening for session revocations as {}", applicationName);
				long lastPing = System.nanoTime();
				while (running) {
					if (System.nanoTime() - lastPing > TimeUnit.MILLISECONDS.toNanos(PING_MILLIS)) {
						try (Statement ping = c.createStatement()) {
							ping.execute("select 1");
						}
						lastPing = System.nanoTime();
					}
					PGNotification[] notifications = pg.getNotifications((int) POLL_MILLIS);
					if (c.isClosed()) {
						throw new SQLException("Listening connection closed");
					}
					if (notifications != null) {
						for (PGNotification notification : notifications) {
							received(notification.getName(), notification.getParameter());
						}
					}
					lastCheckIn = System.nanoTime();
				}
			}
			catch (SQLException | RuntimeException ex) {
				lost(ex);
			}
			finally {
				connection = null;
			}
			if (running) {
				sleep(RETRY_MILLIS);
			}
		}
	}

	private void lost(Exception ex) {
		boolean wasListening = listening;
		listening = false;
		liveness.forgetLive();
		caches.forgetAll();
		if (running && wasListening) {
			log.warn(
					"Lost the session revocation channel ({}); checking every request in the database until it is back",
					ex.getMessage());
		}
		else if (running) {
			log.debug("Cannot listen for session revocations yet: {}", ex.getMessage());
		}
	}

	private void received(String channel, String payload) {
		if (NodeCaches.CHANNEL.equals(channel)) {
			try {
				caches.tenantChanged(UUID.fromString(payload));
			}
			catch (IllegalArgumentException ex) {
				// Not a tenant: forgetting everything is always safe.
				caches.forgetAll();
			}
			return;
		}
		int colon = payload.indexOf(':');
		try {
			liveness.revoked(UUID.fromString(payload.substring(colon + 1)));
		}
		catch (IllegalArgumentException ex) {
			log.warn("Ignoring a malformed session revocation notice");
		}
	}

	/** A connection of its own, outside the pool, so it is never handed to a request. */
	private Connection open() throws SQLException {
		if (dataSource instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null) {
			Properties props = new Properties();
			props.setProperty("user", hikari.getUsername());
			if (hikari.getPassword() != null) {
				props.setProperty("password", hikari.getPassword());
			}
			props.setProperty("ApplicationName", applicationName);
			props.setProperty("tcpKeepAlive", "true");
			props.setProperty("socketTimeout", "10");
			return DriverManager.getConnection(hikari.getJdbcUrl(), props);
		}
		Connection c = dataSource.getConnection();
		c.setClientInfo("ApplicationName", applicationName);
		return c;
	}

	private void closeQuietly() {
		Connection c = connection;
		if (c != null) {
			try {
				c.close();
			}
			catch (SQLException ex) {
				// closing anyway
			}
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
