package io.prax.platform;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimization;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Rate limits per route family (auth, API reads, API writes, export) with Bucket4j token
 * buckets stored in PostgreSQL ({@code rate_limit_bucket}), so every node draws from the
 * same bucket. Runs inside the security chain right after the token filter and before the
 * CSRF check and the authorization that answers 401: a signed-in caller has buckets of
 * their own, anyone else those of their IP address, and refused requests count too. The
 * family is chosen on the path as Spring MVC routes it (decoded, without path parameters,
 * dot segments or empty segments, any case), so no spelling of a path reaches a handler
 * outside its family. Over the limit: 429 {@code rate_limited} with {@code Retry-After}.
 * <p>
 * API families draw on the shared bucket in PostgreSQL in steps: each node admits up to
 * {@code unsynchronized-percent} of a bucket's capacity (or waits as long as that share
 * of its period) on its own copy of the bucket, then writes what it admitted and reads
 * the others' (Bucket4j's delaying optimization). A burst may exceed a limit by that
 * share once per node; the excess is charged to the bucket, so over a longer window the
 * limit holds. The auth family is checked against PostgreSQL on every request: it guards
 * against guessing passwords, and is exact.
 */
class RateLimitFilter extends OncePerRequestFilter {

	enum Family {

		AUTH, API_READ, API_WRITE, EXPORT

	}

	private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

	private final RateLimitSettings settings;

	private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

	/**
	 * This node's proxy of each bucket in use: a delayed bucket's local copy and its
	 * unsynchronized tokens live in its proxy, so a proxy must outlive the request.
	 */
	private final Cache<String, BucketProxy> proxies;

	RateLimitFilter(RateLimitSettings settings, DataSource dataSource) {
		this.settings = settings;
		this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
			.primaryKeyMapper(PrimaryKeyMapper.STRING)
			.table("rate_limit_bucket")
			.idColumn("id")
			.stateColumn("state")
			.expiresAtColumn("expires_at")
			.expirationAfterWrite(
					ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
			.build();
		this.proxies = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(2)).build();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Family family = settings.enabled() ? familyOf(request) : null;
		if (family == null) {
			chain.doFilter(request, response);
			return;
		}
		ConsumptionProbe probe;
		try {
			probe = consume(family, clientOf(request));
		}
		catch (RuntimeException ex) {
			// The database is needed for the request anyway; do not turn its hiccup into
			// a refusal here.
			log.warn("Rate limit check failed for {}: {}", family, ex.getMessage());
			chain.doFilter(request, response);
			return;
		}
		if (probe.isConsumed()) {
			response.setHeader("RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
			chain.doFilter(request, response);
			return;
		}
		long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
		response.setHeader("Retry-After", Long.toString(seconds));
		Problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "rate_limited",
				"Too many requests; try again in " + seconds + " seconds");
	}

	/** Takes one token from {@code client}'s bucket of {@code family}. */
	ConsumptionProbe consume(Family family, String client) {
		String key = family.name().toLowerCase(Locale.ROOT) + ":" + client;
		return proxies.get(key, k -> proxy(family, k)).tryConsumeAndReturnRemaining(1);
	}

	private BucketProxy proxy(Family family, String key) {
		RateLimitSettings.Limit limit = limitOf(family);
		return buckets.builder().withOptimization(optimization(family, limit)).build(key, () -> configuration(limit));
	}

	/**
	 * Batching (concurrent requests for one bucket share a transaction) is exact; the API
	 * families also sync only every {@code unsynchronized-percent} of their capacity or
	 * period.
	 */
	private Optimization optimization(Family family, RateLimitSettings.Limit limit) {
		long tokens = limit.capacity() * settings.unsynchronizedPercent() / 100;
		if (family == Family.AUTH || tokens < 1) {
			return Optimizations.batching();
		}
		Duration wait = limit.period().multipliedBy(settings.unsynchronizedPercent()).dividedBy(100);
		return Optimizations.delaying(new DelayParameters(tokens, wait));
	}

	/** Expired buckets are removed in batches, by whichever node gets to them first. */
	@Scheduled(fixedDelayString = "${prax.rate-limits.cleanup-interval:10m}",
			initialDelayString = "${prax.rate-limits.cleanup-interval:10m}")
	void removeExpiredBuckets() {
		try {
			while (buckets.removeExpired(1_000) == 1_000) {
				// keep going until a partial batch
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not remove expired rate-limit buckets: {}", ex.getMessage());
		}
	}

	static @Nullable Family familyOf(HttpServletRequest request) {
		String path = routedPath(request);
		String method = request.getMethod();
		boolean read = "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
		if (under(path, "/api/v1/auth") || path.equals("/api/v1/signup") || (!read && (path.equals("/login")
				|| path.equals("/signup") || path.equals("/setup") || under(path, "/password")))) {
			return Family.AUTH;
		}
		if (under(path, "/api/v1/audit/export") || under(path, "/audit/export") || under(path, "/api/v1/admin/export")
				|| under(path, "/admin/export") || under(path, "/api/v1/export") || under(path, "/export")) {
			return Family.EXPORT;
		}
		if (under(path, "/api")) {
			return read ? Family.API_READ : Family.API_WRITE;
		}
		return null;
	}

	/**
	 * The path within the application as Spring MVC matches it: each segment
	 * percent-decoded and without {@code ;} parameters ({@link ServletRequestPathUtils},
	 * as the DispatcherServlet parses it), then empty and {@code .} segments dropped,
	 * {@code ..} resolved, and lower-cased.
	 */
	static String routedPath(HttpServletRequest request) {
		Deque<String> segments = new ArrayDeque<>();
		try {
			for (PathContainer.Element element : ServletRequestPathUtils.parse(request)
				.pathWithinApplication()
				.elements()) {
				if (element instanceof PathContainer.PathSegment segment) {
					String value = segment.valueToMatch();
					if (value.equals("..")) {
						segments.pollLast();
					}
					else if (!value.isEmpty() && !value.equals(".")) {
						segments.addLast(value.toLowerCase(Locale.ROOT));
					}
				}
			}
		}
		catch (IllegalArgumentException ex) {
			// Not decodable: no handler is reached either; count it by its raw spelling.
			return request.getRequestURI().toLowerCase(Locale.ROOT);
		}
		return "/" + String.join("/", segments);
	}

	private static boolean under(String path, String prefix) {
		return path.equals(prefix) || path.startsWith(prefix + "/");
	}

	private RateLimitSettings.Limit limitOf(Family family) {
		return switch (family) {
			case AUTH -> settings.auth();
			case API_READ -> settings.apiRead();
			case API_WRITE -> settings.apiWrite();
			case EXPORT -> settings.export();
		};
	}

	private static String clientOf(HttpServletRequest request) {
		Object client = request.getAttribute(RequestAuthenticationFilter.CLIENT_KEY);
		return client != null ? client.toString() : "ip:" + request.getRemoteAddr();
	}

	private static BucketConfiguration configuration(RateLimitSettings.Limit limit) {
		return BucketConfiguration.builder()
			.addLimit(bandwidth -> bandwidth.capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()))
			.build();
	}

}
