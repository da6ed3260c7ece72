package io.prax.tenancy;

import java.sql.DriverManager;
import java.sql.SQLException;

import io.prax.support.PraxIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded PostgreSQL demands the generated passwords: another local user cannot walk in. */
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
}
