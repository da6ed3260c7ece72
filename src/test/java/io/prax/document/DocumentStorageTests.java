package io.prax.document;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.prax.identity.Onboarding;
import io.prax.support.Api;
import io.prax.support.Multipart;
import io.prax.support.PraxIntegrationTest;
import io.prax.support.Tenants;
import io.prax.support.Tenants.TestTenant;
import io.prax.tenancy.TenantContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Document rows in PostgreSQL and blobs on disk under concurrent and hostile use. */
@PraxIntegrationTest
class DocumentStorageTests {

	@LocalServerPort
	int port;

	@Autowired
	Onboarding onboarding;

	@Autowired
	DataSource dataSource;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	FileSystemBlobStore blobs;

	@Test
	void rowLevelSecurityHidesOtherTenantsDocumentsAndTheApplicationCannotHardDeleteThem() {
		Api api = new Api(port);
		TestTenant a = Tenants.newTenant(onboarding);
		TestTenant b = Tenants.newTenant(onboarding);
		String tokenA = api.login(a.slug(), a.adminEmail(), Tenants.PASSWORD).access();
		String customer = api.post("/api/v1/customers", Map.of("name", "Row Level GmbH"), tokenA).text("id");
		upload(customer, "x.txt", "row level".getBytes(StandardCharsets.UTF_8), tokenA);
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);

		Integer ofA = TenantContext.call(a.id(), () -> transactions
			.execute(status -> jdbc.queryForObject("select count(*) from document", Integer.class)));
		Integer seenByB = TenantContext.call(b.id(), () -> transactions
			.execute(status -> jdbc.queryForObject("select count(*) from document", Integer.class)));

		assertThat(ofA).isEqualTo(1);
		assertThat(seenByB).isZero();
		assertThatThrownBy(() -> TenantContext.run(a.id(),
				() -> transactions.executeWithoutResult(status -> jdbc.update("delete from document"))))
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("permission denied");
	}

	@Test
	void storesOneBlobForManyConcurrentUploadsOfTheSameBytes() throws Exception {
		Api api = new Api(port);
		TestTenant tenant = Tenants.newTenant(onboarding);
		String token = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD).access();
		String customer = api.post("/api/v1/customers", Map.of("name", "Parallel Ltd"), token).text("id");
		byte[] content = "%PDF-1.4\nthe same contract, twelve times\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

		ExecutorService pool = Executors.newFixedThreadPool(12);
		List<Future<Api.Response>> uploads = new ArrayList<>();
		try {
			for (int i = 0; i < 12; i++) {
				int n = i;
				uploads.add(pool.submit(() -> upload(customer, "copy-" + n + ".pdf", content, token)));
			}
			for (Future<Api.Response> upload : uploads) {
				assertThat(upload.get(60, TimeUnit.SECONDS).status()).isEqualTo(201);
			}
		}
		finally {
			pool.shutdownNow();
		}

		String sha = DocumentApiTests.sha256(content);
		assertThat(blobs.pathOf(tenant.id(), sha)).hasBinaryContent(content);
		try (var temp = Files.list(blobs.root().resolve(".tmp"))) {
			assertThat(temp.filter(f -> f.getFileName().toString().startsWith("put-"))).isEmpty();
		}
		var list = api.get("/api/v1/documents?recordType=customer&recordId=" + customer, token);
		assertThat(list.json().get("items")).hasSize(12);
		list.json()
			.get("items")
			.valueStream()
			.forEach(item -> assertThat(item.get("sha256").asString()).isEqualTo(sha));
	}

	private Api.Response upload(String customer, String name, byte[] content, String token) {
		return new Multipart().field("recordType", "customer")
			.field("recordId", customer)
			.file("file", name, "application/pdf", content)
			.post(port, "/api/v1/documents", token);
	}

}
