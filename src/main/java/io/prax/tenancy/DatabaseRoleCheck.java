package io.prax.tenancy;

import javax.sql.DataSource;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.DependsOn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Refuses to start when the application's database role could bypass row-level security:
 * a superuser, a role with BYPASSRLS, or the owner of any table. Isolation must not
 * depend on luck.
 */
@Component
@DependsOn("flywayInitializer")
class DatabaseRoleCheck implements InitializingBean {

	private final JdbcTemplate jdbc;

	DatabaseRoleCheck(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
	}

	@Override
	public void afterPropertiesSet() {
		Boolean privileged = jdbc.queryForObject(
				"select rolsuper or rolbypassrls from pg_roles where rolname = current_user", Boolean.class);
		Integer owned = jdbc.queryForObject(
				"select count(*) from pg_tables where schemaname = 'public' and tableowner = current_user",
				Integer.class);
		if (Boolean.TRUE.equals(privileged) || owned == null || owned > 0) {
			throw new IllegalStateException("The application database role must not be a superuser, must not have "
					+ "BYPASSRLS and must own no table (it owns " + owned + "). Use a separate owner role for "
					+ "migrations: see README, 'External PostgreSQL'.");
		}
	}

}
