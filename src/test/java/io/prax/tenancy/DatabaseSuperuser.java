package io.prax.tenancy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import io.prax.support.TestDataDirectory;
import org.springframework.context.ApplicationContext;

/**
 * Test support: a connection to the test JVM's embedded PostgreSQL as its superuser, for
 * tamper tests.
 */
public final class DatabaseSuperuser {

	private DatabaseSuperuser() {
	}

	public static Connection connect(ApplicationContext context) throws SQLException {
		String password = EmbeddedPostgresServer.superuserPassword(TestDataDirectory.path().resolve("keys"));
		return DriverManager.getConnection(context.getBean(DatabaseEndpoints.class).url(), "postgres", password);
	}

	/** The application role's name. */
	public static String appRole(ApplicationContext context) {
		return context.getBean(DatabaseEndpoints.class).appUser();
	}

}
