package io.prax.tenancy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.prax.support.PraxIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded PostgreSQL demands the generated passwords: another local user cannot walk
 * in.
 */
@PraxIntegrationTest
class EmbeddedDatabaseTests {

	@Autowired
	DatabaseEndpoints endpoints;

	@Test
	void refusesConnectionsWithoutPassword() {
		assertThatThrownBy(() -> DriverManager.getConnection(endpoints.url(), "postgres", "").close())
			.isInstanceOf(SQLException.class);
		assertThatThrownBy(() -> DriverManager.getConnection(endpoints.url(), endpoints.appUser(), "guess").close())
			.isInstanceOf(SQLException.class)
			.hasMessageContaining("password authentication failed");
	}

	/**
	 * zonky's test defaults (no fsync, asynchronous commit) would lose acknowledged
	 * writes in a crash.
	 */
	@Test
	void commitsDurably() throws SQLException {
		try (Connection c = DriverManager.getConnection(endpoints.url(), endpoints.appUser(), endpoints.appPassword());
				Statement s = c.createStatement()) {
			assertThat(setting(s, "fsync")).isEqualTo("on");
			assertThat(setting(s, "synchronous_commit")).isEqualTo("on");
		}
	}

	private static String setting(Statement s, String name) throws SQLException {
		try (ResultSet rs = s.executeQuery("show " + name)) {
			rs.next();
			return rs.getString(1);
		}
	}

}
