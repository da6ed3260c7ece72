package io.prax.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.prax.tenancy.TenantId;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code EXPLAIN (ANALYZE, BUFFERS)} of the customer list's SQL (as Hibernate sends it
 * for the keyset query of {@code CustomerSearch}, name order) for the first and the 100th
 * page, unfiltered and for a name search, run as the application role inside the tenant.
 */
@Component
@Profile(BenchmarkProfile.NAME)
class QueryPlans {

	private static final String SELECT = "select c1_0.id, c1_0.billing_city, c1_0.billing_country, c1_0.billing_line1, "
			+ "c1_0.billing_line2, c1_0.billing_postal_code, c1_0.billing_region, c1_0.created_at, c1_0.created_by, "
			+ "c1_0.delete_reason, c1_0.deleted_at, c1_0.deleted_by, c1_0.email, c1_0.name, c1_0.name_key, c1_0.phone, "
			+ "c1_0.tax_id, c1_0.tenant_id, c1_0.updated_at, c1_0.updated_by, c1_0.version from customer c1_0 "
			+ "where c1_0.tenant_id = ? and (c1_0.deleted_at is null) and 1=1";

	private static final String SEARCH = " and (c1_0.name_key like ? escape '' "
			+ "or lower(coalesce(c1_0.email, '')) like ? escape '')";

	private static final String AFTER = " and (c1_0.name_key, c1_0.id) > (?, ?)";

	private static final String ORDER = " order by c1_0.name_key, c1_0.id fetch first ? rows only";

	private final TenantWork work;

	QueryPlans(TenantWork work) {
		this.work = work;
	}

	/**
	 * The four plans, by name; {@code term} is the search word, {@code limit} the page
	 * size.
	 */
	Map<String, String> plans(TenantId tenant, String term, int limit) {
		Map<String, String> plans = new LinkedHashMap<>();
		plans.put("list, page 1", work.in(tenant, jdbc -> page(jdbc, tenant, "%%", 0, limit)));
		plans.put("list, page 100", work.in(tenant, jdbc -> page(jdbc, tenant, "%%", 99, limit)));
		plans.put("search '" + term + "', page 1",
				work.in(tenant, jdbc -> page(jdbc, tenant, "%" + term + "%", 0, limit)));
		plans.put("search '" + term + "', page 100",
				work.in(tenant, jdbc -> page(jdbc, tenant, "%" + term + "%", 99, limit)));
		return plans;
	}

	private static String page(JdbcTemplate jdbc, TenantId tenant, String pattern, int pagesBefore, int limit) {
		// the list without a search has no pattern condition (CustomerManagement)
		boolean search = !"%%".equals(pattern);
		List<Object> args = new ArrayList<>(List.of(tenant.value()));
		String sql = SELECT;
		if (search) {
			// as CustomerSearch does for a search
			jdbc.queryForList("select set_config('enable_sort', 'off', true)");
			sql += SEARCH;
			args.add(pattern);
			args.add(pattern);
		}
		if (pagesBefore > 0) {
			// The keyset position where the page starts: the last row of the page before.
			String position = "select c1_0.name_key as k, c1_0.id as i from customer c1_0 where c1_0.tenant_id = ? "
					+ "and c1_0.deleted_at is null and (c1_0.name_key like ? or lower(coalesce(c1_0.email, '')) like ?) "
					+ "order by c1_0.name_key %s, c1_0.id %s offset ? limit 1";
			List<Map<String, Object>> rows = jdbc.queryForList(position.formatted("asc", "asc"), tenant.value(),
					pattern, pattern, (long) pagesBefore * limit - 1);
			if (rows.isEmpty()) {
				// a small data set (the tests) has no 100th page: then the plan of the
				// page after its last row
				rows = jdbc.queryForList(position.formatted("desc", "desc"), tenant.value(), pattern, pattern, 0L);
			}
			Map<String, Object> last = rows.get(0);
			sql += AFTER;
			args.add(last.get("k"));
			args.add((UUID) last.get("i"));
		}
		args.add(limit + 1);
		List<String> lines = jdbc.queryForList("explain (analyze, buffers) " + sql + ORDER, String.class,
				args.toArray());
		return String.join("\n", lines);
	}

}
