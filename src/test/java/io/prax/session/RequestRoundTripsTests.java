package io.prax.session;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.zaxxer.hikari.HikariDataSource;
import io.prax.identity.Onboarding;
import io.prax.platform.NodeCaches;
import io.prax.support.Api;
import io.prax.support.PraxIntegrationTest;
import io.prax.support.Tenants;
import io.prax.support.Tenants.TestTenant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one authenticated {@code GET /api/v1/customers/{id}} costs in database round
 * trips, counted on the request threads at the JDBC level (every statement, commit and
 * rollback the application sends through the pool): with warm caches it is one
 * transaction. Rate limits are off here; each limited API request adds the bucket's own
 * transaction.
 */
@PraxIntegrationTest
@Import(RequestRoundTripsTests.Counting.class)
@TestPropertySource(properties = "prax.rate-limits.enabled=false")
class RequestRoundTripsTests {

	/** Round trips of request threads (Tomcat's workers), in order. */
	static final List<String> trips = new CopyOnWriteArrayList<>();

	@LocalServerPort
	int port;

	@Autowired
	Onboarding onboarding;

	@Autowired
	NodeCaches caches;

	@Autowired
	SessionRevocationListener listener;

	@Test
	void aCachedAuthenticatedReadIsOneTransactionOfTwoStatements() {
		List<String> read = measuredRead();
		System.out.println("Round trips of a warm GET /api/v1/customers/{id}: " + read.size() + " " + read);

		assertThat(read).filteredOn(trip -> trip.equals("commit")).hasSize(1);
		assertThat(read).hasSizeLessThanOrEqualTo(3);
	}

	/**
	 * The same read with the caches bypassed, as while the notice channel is down (and as
	 * before them).
	 */
	@Test
	void withoutTheCachesTheReadTakesThreeTransactions() {
		caches.trustWhile(() -> false);
		try {
			List<String> read = measuredRead();
			System.out.println("Round trips of an uncached GET /api/v1/customers/{id}: " + read.size() + " " + read);
			assertThat(read).filteredOn(trip -> trip.equals("commit")).hasSize(3);
		}
		finally {
			caches.trustWhile(listener::healthy);
		}
	}

	private List<String> measuredRead() {
		Api api = new Api(port);
		TestTenant tenant = Tenants.newTenant(onboarding);
		String token = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD).access();
		String id = api.post("/api/v1/customers", Map.of("name", "Counted"), token).text("id");
		for (int i = 0; i < 3; i++) {
			assertThat(api.get("/api/v1/customers/" + id, token).status()).isEqualTo(200);
		}
		trips.clear();
		assertThat(api.get("/api/v1/customers/" + id, token).status()).isEqualTo(200);
		return List.copyOf(trips);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Counting {

		@Bean
		static BeanPostProcessor countingDataSource() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					if (bean instanceof HikariDataSource pool && "dataSource".equals(name)) {
						CountingDataSource counting = new CountingDataSource();
						pool.copyStateTo(counting);
						return counting;
					}
					return bean;
				}
			};
		}

	}

	/**
	 * The application's pool, handing out connections that note each round trip of a
	 * request thread.
	 */
	static class CountingDataSource extends HikariDataSource {

		@Override
		public Connection getConnection() throws SQLException {
			Connection connection = super.getConnection();
			return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
					new Class<?>[] { Connection.class }, counting(connection, true));
		}

		private static InvocationHandler counting(Object target, boolean isConnection) {
			return (proxy, method, args) -> {
				String name = method.getName();
				if (requestThread()) {
					if (isConnection && (name.equals("commit") || name.equals("rollback"))) {
						trips.add(name);
					}
					else if (!isConnection && name.startsWith("execute")) {
						trips.add(target.toString().replaceAll("\\s+", " "));
					}
				}
				Object result;
				try {
					result = method.invoke(target, args);
				}
				catch (InvocationTargetException ex) {
					throw ex.getCause();
				}
				if (isConnection && result instanceof Statement statement && method.getReturnType().isInterface()) {
					return Proxy.newProxyInstance(Statement.class.getClassLoader(),
							new Class<?>[] { method.getReturnType() }, counting(statement, false));
				}
				return result;
			};
		}

		private static boolean requestThread() {
			String thread = Thread.currentThread().getName();
			return thread.contains("-exec-") || thread.isEmpty();
		}

	}

}
