package io.prax.bench;

import java.util.function.Function;

import javax.sql.DataSource;

import io.prax.tenancy.TenantContext;
import io.prax.tenancy.TenantId;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One transaction in a tenant, through the application's own transaction manager, so
 * row-level security applies to the benchmark's SQL exactly as to the application's.
 */
@Component
@Profile(BenchmarkProfile.NAME)
class TenantWork {

	private final TransactionTemplate transactions;

	private final JdbcTemplate jdbc;

	TenantWork(PlatformTransactionManager transactionManager, DataSource dataSource) {
		this.transactions = new TransactionTemplate(transactionManager);
		this.jdbc = new JdbcTemplate(dataSource);
	}

	<T> T in(TenantId tenant, Function<JdbcTemplate, T> work) {
		return TenantContext.call(tenant, () -> transactions.execute(status -> work.apply(jdbc)));
	}

}
