package io.prax.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.prax.platform.Ids;
import io.prax.platform.ProblemException;
import io.prax.tenancy.TenantContext;
import io.prax.tenancy.TenantDirectory;
import io.prax.tenancy.TenantId;
import io.prax.tenancy.TenantInfo;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Creates a tenant together with its first administrator, all or nothing. */
@Service
public class Onboarding {

	private final TenantDirectory tenants;

	private final UserLifecycle lifecycle;

	private final TransactionTemplate transactions;

	Onboarding(TenantDirectory tenants, UserLifecycle lifecycle, TransactionTemplate transactions) {
		this.tenants = tenants;
		this.lifecycle = lifecycle;
		this.transactions = transactions;
	}

	/** A new workspace and the person who will administer it. */
	public record NewTenant(String tenantSlug, String tenantName, String region, String adminEmail, String adminName,
			String adminPassword) {
	}

	public record Onboarded(TenantInfo tenant, UserAccount admin) {
	}

	/**
	 * Validates everything first (field errors as {@code validation_failed}, then the
	 * password policy's own codes), then writes tenant and administrator in one
	 * transaction.
	 */
	public Onboarded onboard(NewTenant request) {
		Map<String, String> errors = new LinkedHashMap<>(
				tenants.check(request.tenantSlug(), request.tenantName(), request.region()));
		IdentityRules.check(request.adminEmail(), request.adminName())
			.forEach((field, message) -> errors.put(field.equals("email") ? "adminEmail" : "adminName", message));
		if (!errors.isEmpty()) {
			throw ProblemException.validation(errors);
		}
		NewUser admin = new NewUser(request.adminEmail(), request.adminName(), Tier.ADMIN, List.of("ADMIN"), null);
		// Hashed before the transaction: no pooled connection waits on Argon2id.
		String hash = lifecycle.hashNewPassword(admin, request.adminPassword(), request.tenantName(),
				request.tenantSlug());
		TenantId id = new TenantId(Ids.newId());
		return TenantContext.call(id, () -> transactions.execute(status -> {
			TenantInfo tenant = tenants.create(id, request.tenantSlug(), request.tenantName(), request.region());
			return new Onboarded(tenant, lifecycle.createWithPasswordHash(admin, hash));
		}));
	}

}
