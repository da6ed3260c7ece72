package io.prax.tenancy;

import static java.util.Objects.requireNonNull;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.Session;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Starts every transaction by telling PostgreSQL which tenant it serves
 * ({@code set_config('prax.tenant_id', ..., true)}), so row-level security scopes every
 * statement, native SQL included. The setting is transaction-local and so never leaks to
 * the next pooled use.
 */
class TenantScopedTransactionManager extends JpaTransactionManager {

	TenantScopedTransactionManager(EntityManagerFactory emf) {
		super(emf);
	}

	@Override
	protected void doBegin(Object transaction, TransactionDefinition definition) {
		super.doBegin(transaction, definition);
		EntityManagerHolder holder = (EntityManagerHolder) TransactionSynchronizationManager
			.getResource(obtainEntityManagerFactory());
		EntityManager em = requireNonNull(holder, "doBegin bound it").getEntityManager();
		UUID tenant = TenantContext.currentOrNone();
		em.unwrap(Session.class).doWork(connection -> {
			try (var statement = connection.prepareStatement("select set_config('prax.tenant_id', ?, true)")) {
				statement.setString(1, tenant.toString());
				statement.execute();
			}
		});
	}

}
