package io.prax.audit;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.prax.identity.CurrentUser;
import io.prax.platform.Ids;
import io.prax.tenancy.TenantContext;
import io.prax.tenancy.TenantId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The request log (F11): every authenticated request's IP, user agent, session, method,
 * path, status and duration, in a table partitioned by month with a retention setting.
 * Written off the request's critical path by a background writer in batches; when its
 * queue is full the request writes its own row, so nothing is dropped, and a batch that
 * cannot be written is logged as an error, row by row.
 */
@Component
class RequestLog implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(RequestLog.class);

	private static final int BATCH = 500;

	/**
	 * One request; the client's free text (address, user agent, method, path) is bounded,
	 * whatever it sent.
	 */
	record Entry(UUID tenantId, Instant occurredAt, UUID id, @Nullable UUID userId, @Nullable UUID sessionId,
			@Nullable String ip, @Nullable String userAgent, String method, String path, int status, int durationMs) {

		Entry {
			ip = Bounded.text(ip, Bounded.IP);
			userAgent = Bounded.text(userAgent, Bounded.USER_AGENT);
			method = Bounded.text(method, Bounded.METHOD);
			path = Bounded.text(path, Bounded.PATH);
		}
	}

	private final BlockingQueue<Entry> queue = new ArrayBlockingQueue<>(10_000);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Duration retention;

	private final Thread writer;

	private volatile boolean running = true;

	RequestLog(DataSource dataSource, PlatformTransactionManager transactionManager, Clock clock,
			AuditProperties settings) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
		this.retention = settings.requestLogRetention();
		this.writer = new Thread(this::drainForever, "prax-request-log");
		this.writer.setDaemon(true);
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		writer.start();
		try {
			maintain();
		}
		catch (RuntimeException ex) {
			log.error("Request log partitions could not be prepared; rows go to the default partition", ex);
		}
	}

	/** Queues one request; writes it at once if the queue is full. */
	void record(Entry entry) {
		if (!queue.offer(entry)) {
			write(List.of(entry));
		}
	}

	/**
	 * Writes everything queued so far, and waits for a batch being written (tests,
	 * shutdown).
	 */
	synchronized void flush() {
		List<Entry> batch = new ArrayList<>();
		while (queue.drainTo(batch, BATCH) > 0) {
			write(batch);
			batch = new ArrayList<>();
		}
	}

	/**
	 * Creates this and next month's partitions and drops months past the retention. Runs
	 * on every node; both steps are idempotent.
	 */
	@Scheduled(fixedDelayString = "${prax.audit.request-log-maintenance-interval:6h}",
			initialDelayString = "${prax.audit.request-log-maintenance-interval:6h}")
	void maintain() {
		LocalDate month = LocalDate.now(clock.withZone(ZoneOffset.UTC)).withDayOfMonth(1);
		transactions.executeWithoutResult(status -> {
			partition(month);
			partition(month.plusMonths(1));
			dropBefore(Instant.now(clock).minus(retention));
		});
	}

	void partition(LocalDate month) {
		jdbc.queryForObject("select prax_request_log_partition(?)", String.class, month);
	}

	int dropBefore(Instant cutoff) {
		Integer dropped = jdbc.queryForObject("select prax_request_log_drop_before(?)", Integer.class,
				Timestamp.from(cutoff));
		return dropped == null ? 0 : dropped;
	}

	@Override
	public void destroy() {
		running = false;
		writer.interrupt();
		flush();
	}

	private void drainForever() {
		while (running) {
			try {
				// Polled under the lock, so flush() never returns while a taken row is
				// still unwritten.
				synchronized (this) {
					Entry first = queue.poll(200, TimeUnit.MILLISECONDS);
					if (first != null) {
						List<Entry> batch = new ArrayList<>(List.of(first));
						queue.drainTo(batch, BATCH - 1);
						write(batch);
					}
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				log.error("Request log writer failed; continuing", ex);
			}
		}
	}

	void write(List<Entry> batch) {
		Map<UUID, List<Entry>> byTenant = batch.stream().collect(Collectors.groupingBy(Entry::tenantId));
		byTenant.forEach((tenant, entries) -> {
			try {
				TenantContext.run(new TenantId(tenant), () -> transactions.executeWithoutResult(status -> jdbc
					.batchUpdate("insert into request_log (tenant_id, occurred_at, id, user_id, session_id, ip, "
							+ "user_agent, method, path, status, duration_ms) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
							entries, entries.size(), (ps, e) -> {
								ps.setObject(1, e.tenantId());
								ps.setTimestamp(2, Timestamp.from(e.occurredAt()));
								ps.setObject(3, e.id());
								ps.setObject(4, e.userId());
								ps.setObject(5, e.sessionId());
								ps.setString(6, e.ip());
								ps.setString(7, e.userAgent());
								ps.setString(8, e.method());
								ps.setString(9, e.path());
								ps.setInt(10, e.status());
								ps.setInt(11, e.durationMs());
							})));
			}
			catch (RuntimeException ex) {
				log.error("Could not write {} request log rows of tenant {}", entries.size(), tenant, ex);
				entries.forEach(e -> log.error("Unwritten request log row: {}", e));
			}
		});
	}

	/**
	 * Measures each request inside the security chain, where the signed-in user is known.
	 */
	static final class Filter extends OncePerRequestFilter {

		private final RequestLog requests;

		private final Clock clock;

		Filter(RequestLog requests, Clock clock) {
			this.requests = requests;
			this.clock = clock;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			long started = System.nanoTime();
			Instant at = Instant.now(clock);
			boolean failed = true;
			try {
				chain.doFilter(request, response);
				failed = false;
			}
			finally {
				CurrentUser user = CurrentUser.current().orElse(null);
				if (user != null) {
					int millis = (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - started) / 1_000_000);
					requests.record(new Entry(user.tenantId().value(), at, Ids.newId(), user.id().value(),
							user.sessionId(), request.getRemoteAddr(), request.getHeader("User-Agent"),
							request.getMethod(), request.getRequestURI(),
							failed && response.getStatus() < 400 ? 500 : response.getStatus(), millis));
				}
			}
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Registration {

		/**
		 * Right after Spring Security's filter chain, so it runs inside it with the user
		 * known.
		 */
		@Bean
		FilterRegistrationBean<Filter> requestLogFilter(RequestLog requests, Clock clock) {
			FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new Filter(requests, clock));
			registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
			return registration;
		}

	}

}
