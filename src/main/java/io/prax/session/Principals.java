package io.prax.session;

import java.time.Duration;
import java.util.Optional;

import io.prax.identity.UserDirectory;
import io.prax.identity.UserAccount;
import io.prax.identity.UserId;
import io.prax.identity.UserStatus;
import io.prax.platform.NodeCache;
import io.prax.platform.NodeCaches;
import io.prax.tenancy.TenantDirectory;
import io.prax.tenancy.TenantId;
import io.prax.tenancy.TenantInfo;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who an authenticated request's user is: the active account and its tenant, cached on
 * this node ({@link NodeCaches}: forgotten at every committed change of the tenant's
 * users or of the tenant, on every node) so a request reads neither row while nothing
 * changed.
 */
@Component
class Principals {

	/**
	 * The longest a cached account is believed without reading it again, whatever the
	 * notices say.
	 */
	static final Duration MAX_AGE = Duration.ofSeconds(60);

	record Principal(UserAccount account, TenantInfo tenant) {
	}

	private final NodeCache<UserId, Principal> cache;

	private final UserDirectory identity;

	private final TenantDirectory tenants;

	private final TransactionTemplate transactions;

	Principals(NodeCaches caches, UserDirectory identity, TenantDirectory tenants, TransactionTemplate transactions) {
		this.cache = caches.create("principals", 100_000, MAX_AGE);
		this.identity = identity;
		this.tenants = tenants;
		this.transactions = transactions;
	}

	/** The active user of {@code tenant}, with the tenant; call with the tenant bound. */
	Optional<Principal> find(TenantId tenant, UserId user) {
		return cache.get(tenant.value(), user,
				() -> transactions.execute(status -> identity.find(user)
					.filter(account -> account.status() == UserStatus.ACTIVE && account.tenantId().equals(tenant))
					.flatMap(account -> tenants.find(tenant).map(info -> new Principal(account, info)))));
	}

}
