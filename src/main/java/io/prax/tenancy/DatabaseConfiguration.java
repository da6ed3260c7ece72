package io.prax.tenancy;

import org.jspecify.annotations.Nullable;
import static java.util.Objects.requireNonNull;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.prax.platform.PraxProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.jdbc.health.DataSourceHealthIndicator;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Two connections to one database: Flyway migrates as the owner role, the application
 * runs as a role that owns nothing, so it cannot switch row-level security off.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	@Bean
	DatabaseEndpoints databaseEndpoints(PraxProperties properties) {
		PraxProperties.Database db = properties.database();
		if (db.external()) {
			String owner = db.ownerUser() != null && !db.ownerUser().isBlank() ? db.ownerUser() : db.user();
			String ownerPassword = db.ownerPassword() != null ? db.ownerPassword() : db.password();
			return new DatabaseEndpoints(requireNonNull(db.url(), "external() means a URL"),
					require(db.user(), "PRAX_DATABASE_USER"), require(db.password(), "PRAX_DATABASE_PASSWORD"),
					require(owner, "PRAX_DATABASE_OWNER_USER"), ownerPassword == null ? "" : ownerPassword);
		}
		return EmbeddedPostgresServer.start(properties.dataDir(), properties.resolvedKeysDir());
	}

	@Bean
	@Primary
	HikariDataSource dataSource(DatabaseEndpoints endpoints, PraxProperties properties) {
		HikariDataSource ds = new HikariDataSource();
		ds.setPoolName("prax");
		ds.setJdbcUrl(endpoints.url());
		ds.setUsername(endpoints.appUser());
		ds.setPassword(endpoints.appPassword());
		ds.setMaximumPoolSize(properties.database().poolSize());
		return ds;
	}

	@Bean
	@FlywayDataSource
	DataSource flywayDataSource(DatabaseEndpoints endpoints) {
		return new SimpleDriverDataSource(new org.postgresql.Driver(), endpoints.url(), endpoints.ownerUser(),
				endpoints.ownerPassword());
	}

	/**
	 * The database health check asks the application's pool only. Spring Boot's default
	 * checks every data source, and the owner's is unpooled: each
	 * {@code /actuator/health} opened a new PostgreSQL connection (a backend process and
	 * a SCRAM handshake, about 50 ms).
	 */
	@Bean
	HealthContributor dbHealthContributor(HikariDataSource dataSource) {
		return new DataSourceHealthIndicator(dataSource);
	}

	@Bean
	FlywayConfigurationCustomizer appRolePlaceholder(DatabaseEndpoints endpoints) {
		return configuration -> configuration.placeholders(java.util.Map.of("app_role", endpoints.appUser()));
	}

	private static String require(@Nullable String value, String variable) {
		if (value == null || value.isBlank()) {
			throw new IllegalStateException(variable + " must be set when PRAX_DATABASE_URL is set");
		}
		return value;
	}

}
