package io.prax.access;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;

import io.prax.identity.Onboarding;
import io.prax.support.PraxIntegrationTest;
import io.prax.support.Tenants;
import io.prax.tenancy.DatabaseSuperuser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V5 turns restrictions that name a custom role by name into its id, and drops those of
 * roles that are gone. Runs the migration's statements again on rows written the old way,
 * in a transaction that is rolled back.
 */
@PraxIntegrationTest
class GateRoleIdMigrationTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	Onboarding onboarding;

	@Test
	void restrictionsByRoleNameBecomeRestrictionsByRoleId() throws Exception {
		UUID tenant = Tenants.newTenant(onboarding).id().value();
		UUID role = UUID.randomUUID();
		String migration = new ClassPathResource("db/migration/V5__gate_role_ids.sql")
			.getContentAsString(StandardCharsets.UTF_8);
		try (Connection db = DatabaseSuperuser.connect(context)) {
			db.setAutoCommit(false);
			try {
				insert(db, "insert into role (tenant_id, id, name, permissions, version, created_at, updated_at)"
						+ " values (?, ?, 'Sales', '{customers:delete}', 0, ?, ?)", tenant, role);
				UUID byName = gate(db, tenant, "sales");
				UUID builtIn = gate(db, tenant, "MANAGER");
				UUID gone = gate(db, tenant, "Vanished");
				try (Statement statement = db.createStatement()) {
					statement.execute(migration);
				}
				assertThat(ref(db, byName)).isEqualTo(role.toString() + " live");
				assertThat(ref(db, builtIn)).isEqualTo("MANAGER live");
				assertThat(ref(db, gone)).isEqualTo("Vanished deleted");
			}
			finally {
				db.rollback();
			}
		}
	}

	private static UUID gate(Connection db, UUID tenant, String ref) throws Exception {
		UUID id = UUID.randomUUID();
		try (PreparedStatement insert = db.prepareStatement("insert into feature_gate (tenant_id, id, module, action,"
				+ " scope, scope_ref, version, created_at, updated_at) values (?, ?, 'customers', 'delete', 'ROLE', ?, 0, ?, ?)")) {
			insert.setObject(1, tenant);
			insert.setObject(2, id);
			insert.setString(3, ref);
			insert.setObject(4, java.sql.Timestamp.from(Instant.now()));
			insert.setObject(5, java.sql.Timestamp.from(Instant.now()));
			insert.executeUpdate();
		}
		return id;
	}

	private static void insert(Connection db, String sql, UUID tenant, UUID id) throws Exception {
		try (PreparedStatement insert = db.prepareStatement(sql)) {
			insert.setObject(1, tenant);
			insert.setObject(2, id);
			insert.setObject(3, java.sql.Timestamp.from(Instant.now()));
			insert.setObject(4, java.sql.Timestamp.from(Instant.now()));
			insert.executeUpdate();
		}
	}

	private static String ref(Connection db, UUID gate) throws Exception {
		try (PreparedStatement select = db
			.prepareStatement("select scope_ref, deleted_at is null as live from feature_gate where id = ?")) {
			select.setObject(1, gate);
			try (ResultSet row = select.executeQuery()) {
				row.next();
				return row.getString(1) + (row.getBoolean(2) ? " live" : " deleted");
			}
		}
	}

}
