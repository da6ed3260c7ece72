package io.prax.tenancy;

import java.util.HashMap;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import io.prax.platform.PraxProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code PRAX_DATABASE_POOL_SIZE} ({@code prax.database.pool-size}) sizes the pool. */
class DatabasePoolSizeTests {

	@Test
	void hasTenConnectionsUnlessConfigured() {
		assertThat(maximumPoolSize(Map.of())).isEqualTo(10);
		assertThat(maximumPoolSize(Map.of("prax.database.pool-size", "25"))).isEqualTo(25);
	}

	private static int maximumPoolSize(Map<String, String> settings) {
		Map<String, String> all = new HashMap<>(settings);
		all.put("prax.data-dir", "target/pool-size");
		all.put("prax.public-url", "http://localhost");
		all.put("prax.database.user", "app");
		PraxProperties properties = new Binder(new MapConfigurationPropertySource(all)).bindOrCreate("prax",
				PraxProperties.class);
		DatabaseEndpoints endpoints = new DatabaseEndpoints("jdbc:postgresql://127.0.0.1:1/none", "app", "secret",
				"owner", "secret");
		// never started: the pool connects on first use
		try (HikariDataSource pool = new DatabaseConfiguration().dataSource(endpoints, properties)) {
			return pool.getMaximumPoolSize();
		}
	}

}
