package io.prax.audit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.zaxxer.hikari.HikariDataSource;
import io.prax.identity.Onboarding;
import io.prax.support.Api;
import io.prax.support.PraxIntegrationTest;
import io.prax.support.Tenants;
import io.prax.support.Tenants.TestTenant;
import io.prax.tenancy.TenantContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verify reads one consistent snapshot: writers running at the same time never make an
 * intact chain look broken. Exports and signing never pile up on the connection pool.
 */
@PraxIntegrationTest
class AuditConcurrencyTests {

	private static final int WRITERS = 8;

	private static final int EVENTS_PER_WRITER = 40;

	private static final int CUSTOMERS_PER_WRITER = 10;

	@LocalServerPort
	int port;

	@Autowired
	Onboarding onboarding;

	@Autowired
	AuditWriter writer;

	@Autowired
	AuditManagement audit;

	@Autowired
	HikariDataSource dataSource;

	@TempDir
	Path dir;

	ExecutorService pool;

	Api api;

	TestTenant tenant;

	String token;

	@BeforeEach
	void tenant() {
		pool = Executors.newFixedThreadPool(WRITERS + 2);
		api = new Api(port);
		tenant = Tenants.newTenant(onboarding);
		token = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD).access();
	}

	@AfterEach
	void stop() {
		pool.shutdownNow();
	}

	@Test
	void verifyNeverReportsAnIntactChainAsBrokenWhileOthersWrite() throws Exception {
		AtomicBoolean writing = new AtomicBoolean(true);
		List<Future<?>> writers = new ArrayList<>();
		for (int w = 0; w < WRITERS; w++) {
			int writerNo = w;
			// Half the writers create customers over the API (their changes are audited
			// at commit), half
			// write events directly, as the security events do.
			writers.add(pool.submit(() -> {
				for (int i = 0; i < (writerNo % 2 == 0 ? CUSTOMERS_PER_WRITER : EVENTS_PER_WRITER); i++) {
					if (writerNo % 2 == 0) {
						assertThat(api
							.post("/api/v1/customers", java.util.Map.of("name", "C " + writerNo + "-" + i), token)
							.status()).isEqualTo(201);
					}
					else {
						writer.record(tenant.id(),
								new AuditEntry(new AuditEntry.Actor(null, null, null, null, "127.0.0.1", "test"),
										"test.concurrent_write", "test", writerNo + "-" + i, null, null));
					}
				}
				return null;
			}));
		}
		Callable<List<String>> verifyOverApi = () -> {
			List<String> answers = new ArrayList<>();
			while (writing.get() || answers.isEmpty()) {
				JsonNode body = api.get("/api/v1/audit/verify", token).json();
				answers.add(body.get("valid").asBoolean() ? "valid" : body.toString());
			}
			return answers;
		};
		Callable<List<String>> verifyInProcess = () -> {
			List<String> answers = new ArrayList<>();
			while (writing.get() || answers.isEmpty()) {
				Verification v = TenantContext.call(tenant.id(), audit::verify);
				answers.add(v.valid() ? "valid" : v.toString());
			}
			return answers;
		};
		Future<List<String>> overApi = pool.submit(verifyOverApi);
		Future<List<String>> inProcess = pool.submit(verifyInProcess);
		for (Future<?> w : writers) {
			w.get(90, TimeUnit.SECONDS);
		}
		writing.set(false);

		List<String> answers = new ArrayList<>(overApi.get(30, TimeUnit.SECONDS));
		answers.addAll(inProcess.get(30, TimeUnit.SECONDS));
		assertThat(answers).hasSizeGreaterThan(2).containsOnly("valid");
		Verification last = TenantContext.call(tenant.id(), audit::verify);
		assertThat(last.valid()).isTrue();
		assertThat(last.checkedEvents()).isEqualTo(last.headSeq())
			.isGreaterThanOrEqualTo(WRITERS / 2 * (EVENTS_PER_WRITER + CUSTOMERS_PER_WRITER));
	}

	/**
	 * With a pool of 3 connections, 8 parallel exports of one tenant leave room for
	 * another tenant's requests: no export holds a connection while it waits for a second
	 * one or for a lock.
	 */
	@Test
	void parallelExportsOfOneTenantDoNotStallAnotherTenant() throws Exception {
		TestTenant other = Tenants.newTenant(onboarding);
		String otherToken = api.login(other.slug(), other.adminEmail(), Tenants.PASSWORD).access();
		for (int i = 0; i < 20; i++) {
			writer.record(tenant.id(), new AuditEntry(new AuditEntry.Actor(null, null, null, null, null, null),
					"test.filler", "test", Integer.toString(i), null, null));
		}
		int poolSize = dataSource.getHikariConfigMXBean().getMaximumPoolSize();
		dataSource.getHikariConfigMXBean().setMaximumPoolSize(3);
		dataSource.getHikariPoolMXBean().softEvictConnections();
		try {
			List<Future<Path>> exports = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				exports.add(pool.submit(() -> download("/api/v1/audit/export", token)));
			}
			List<Integer> otherAnswers = new ArrayList<>();
			for (int i = 0; i < 5; i++) {
				otherAnswers.add(
						pool.submit(() -> api.get("/api/v1/customers", otherToken).status()).get(20, TimeUnit.SECONDS));
			}
			List<String> exported = new ArrayList<>();
			for (Future<Path> export : exports) {
				// Each export ends at the checkpoint it signed, though the others wrote
				// events meanwhile.
				AuditExportVerifier.Result result = AuditExportVerifier.verify(export.get(30, TimeUnit.SECONDS),
						List.of());
				exported.add(result.verification().valid() && result.signedUpTo() == result.verification().headSeq()
						? "valid" : result.toString());
			}

			assertThat(otherAnswers).containsOnly(200);
			assertThat(exported).containsOnly("valid");
		}
		finally {
			dataSource.getHikariConfigMXBean().setMaximumPoolSize(poolSize);
		}
	}

	private Path download(String path, String bearer) throws Exception {
		HttpResponse<byte[]> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Authorization", "Bearer " + bearer)
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		Path file = Files.createTempFile(dir, "export-", ".zip");
		Files.write(file, response.body());
		return file;
	}

}
