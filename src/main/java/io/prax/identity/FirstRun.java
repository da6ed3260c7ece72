package io.prax.identity;

import static io.prax.platform.Validation.checked;
import java.util.concurrent.atomic.AtomicReference;

import io.prax.platform.PraxProperties;
import io.prax.platform.ProblemException;
import io.prax.platform.SecretFiles;
import io.prax.tenancy.TenantDirectory;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Start-up with an empty database: the first tenant and administrator come from the
 * {@code PRAX_BOOTSTRAP_*} variables, or else from a one-time set-up link printed to the
 * log (usable from this machine only).
 */
@Component
class FirstRun {

	private static final Logger log = LoggerFactory.getLogger(FirstRun.class);

	private final TenantDirectory tenants;

	private final Onboarding onboarding;

	private final PraxProperties properties;

	private final AtomicReference<@Nullable String> setupToken = new AtomicReference<>();

	FirstRun(TenantDirectory tenants, Onboarding onboarding, PraxProperties properties) {
		this.tenants = tenants;
		this.onboarding = onboarding;
		this.properties = properties;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(0)
	void bootstrapFromEnvironment() {
		PraxProperties.Bootstrap bootstrap = properties.bootstrap();
		if (tenants.anyExists() || !bootstrap.configured()) {
			return;
		}
		try {
			var created = onboarding
				.onboard(new Onboarding.NewTenant(checked(bootstrap.tenant()), checked(bootstrap.tenant()), "US",
						checked(bootstrap.adminEmail()), "Administrator", checked(bootstrap.adminPassword())));
			log.info("Created tenant '{}' with administrator {} from PRAX_BOOTSTRAP_*", created.tenant().slug(),
					created.admin().email());
		}
		catch (ProblemException ex) {
			throw new IllegalStateException(
					"PRAX_BOOTSTRAP_* is not usable: " + ex.getMessage() + " " + ex.fieldErrors(), ex);
		}
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(100)
	void offerSetupLink() {
		if (tenants.anyExists()) {
			return;
		}
		String token = SecretFiles.randomToken(24);
		setupToken.set(token);
		log.warn(
				"\n\n  Prax has no tenant yet. Create the first one (works from this machine only):\n\n    {}/setup?token={}\n",
				properties.publicUrl(), token);
	}

	/**
	 * Whether {@code token} is the current one-time set-up token and no tenant exists
	 * yet.
	 */
	boolean setupAllowed(@Nullable String token) {
		String expected = setupToken.get();
		return expected != null && token != null
				&& java.security.MessageDigest.isEqual(expected.getBytes(java.nio.charset.StandardCharsets.UTF_8),
						token.getBytes(java.nio.charset.StandardCharsets.UTF_8))
				&& !tenants.anyExists();
	}

	void setupDone() {
		setupToken.set(null);
	}

}
