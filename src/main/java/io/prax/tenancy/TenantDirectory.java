package io.prax.tenancy;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.prax.platform.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds and creates tenants. Tenants are platform rows, reachable before anyone signs in.
 */
@Service
public class TenantDirectory {

	private static final Pattern SLUG = Pattern.compile("^[a-z0-9][a-z0-9-]{1,62}$");

	private static final Set<String> REGIONS = Set.of("US", "EU", "APAC");

	private final Tenants tenants;

	private final Clock clock;

	TenantDirectory(Tenants tenants, Clock clock) {
		this.tenants = tenants;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Optional<TenantInfo> findBySlug(String slug) {
		return tenants.findBySlug(slug.strip().toLowerCase(java.util.Locale.ROOT)).map(Tenant::info);
	}

	@Transactional(readOnly = true)
	public Optional<TenantInfo> find(TenantId id) {
		return tenants.findById(id.value()).map(Tenant::info);
	}

	@Transactional(readOnly = true)
	public boolean anyExists() {
		return tenants.count() > 0;
	}

	/**
	 * Field errors for a new tenant's slug, name and region; empty when they are fine.
	 */
	@Transactional(readOnly = true)
	public Map<String, String> check(String slug, String name, String region) {
		Map<String, String> errors = new LinkedHashMap<>();
		String cleanSlug = slug == null ? "" : slug.strip().toLowerCase(java.util.Locale.ROOT);
		String cleanName = name == null ? "" : name.strip();
		if (!SLUG.matcher(cleanSlug).matches()) {
			errors.put("tenantSlug",
					"Use 2 to 63 lower-case letters, digits and dashes, starting with a letter or digit");
		}
		else if (tenants.findBySlug(cleanSlug).isPresent()) {
			errors.put("tenantSlug", "This workspace id is taken");
		}
		if (cleanName.isEmpty() || cleanName.length() > 200) {
			errors.put("tenantName", "Enter the company name (up to 200 characters)");
		}
		if (!REGIONS.contains(regionOf(region))) {
			errors.put("region", "Choose US, EU or APAC");
		}
		return errors;
	}

	/**
	 * Creates a tenant with an id chosen by the caller, so its first rows can be written
	 * in the same transaction under that tenant's context.
	 */
	@Transactional
	public TenantInfo create(TenantId id, String slug, String name, String region) {
		Map<String, String> errors = check(slug, name, region);
		if (!errors.isEmpty()) {
			throw ProblemException.validation(errors);
		}
		try {
			return tenants
				.saveAndFlush(new Tenant(id.value(), slug.strip().toLowerCase(java.util.Locale.ROOT), name.strip(),
						regionOf(region), Instant.now(clock)))
				.info();
		}
		catch (org.springframework.dao.DataIntegrityViolationException ex) {
			throw new ProblemException(HttpStatus.CONFLICT, "tenant_exists", "This workspace id is taken");
		}
	}

	private static String regionOf(String region) {
		return region == null || region.isBlank() ? "US" : region.strip().toUpperCase(java.util.Locale.ROOT);
	}

}
