package io.prax.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;

import javax.sql.DataSource;

import io.prax.identity.Onboarding;
import io.prax.support.PraxIntegrationTest;
import io.prax.support.Tenants;
import io.prax.support.Tenants.TestTenant;
import io.prax.tenancy.TenantContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checkpoint signing signs a tenant on one node at a time, and a head only when it moved.
 */
@PraxIntegrationTest
class AuditCheckpointsTests {

	@Autowired
	Onboarding onboarding;

	@Autowired
	AuditCheckpoints checkpoints;

	@Autowired
	AuditManagement audit;

	@Autowired
	DataSource dataSource;

	@Test
	void skipsATenantWhileAnotherNodeIsSigningIt() throws Exception {
		TestTenant tenant = Tenants.newTenant(onboarding);
		TestTenant other = Tenants.newTenant(onboarding);
		try (Connection otherNode = dataSource.getConnection()) {
			otherNode.setAutoCommit(false);
			try (PreparedStatement lock = otherNode.prepareStatement("select pg_advisory_xact_lock(?, ?)")) {
				lock.setInt(1, AuditCheckpoints.LOCK_CLASS);
				lock.setInt(2, tenant.id().value().hashCode());
				lock.execute();
			}

			assertThat(checkpoints.signNow()).isPositive();
			assertThat(TenantContext.call(tenant.id(), audit::checkpoints)).isEmpty();
			assertThat(TenantContext.call(other.id(), audit::checkpoints)).as("other tenants are signed").hasSize(1);
			otherNode.rollback();
		}

		assertThat(checkpoints.signNow()).isPositive();
		assertThat(TenantContext.call(tenant.id(), audit::checkpoints)).hasSize(1);
	}

	@Test
	void signsAHeadOnlyWhenItMoved() {
		TestTenant tenant = Tenants.newTenant(onboarding);
		checkpoints.signNow();

		checkpoints.signNow();

		assertThat(TenantContext.call(tenant.id(), audit::checkpoints)).hasSize(1);
		assertThat(TenantContext.call(tenant.id(), audit::verify).checkpointsVerified()).isEqualTo(1);
	}

}
