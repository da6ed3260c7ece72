package io.prax.audit;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import javax.sql.DataSource;

import io.prax.platform.ProblemException;
import io.prax.tenancy.TenantContext;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The tenant's regulated modules (F15): edits of their records need a reason for change,
 * kept in the audit event. A record type belongs to the module of its plural name
 * ({@code customer} → {@code customers}).
 */
@Service
public class RegulatedModules {

	/**
	 * Business modules a tenant may regulate; identity and sessions are never blocked for
	 * want of a reason.
	 */
	public static final List<String> REGULATABLE = List.of("customers", "contacts", "employees", "invoices", "payslips",
			"documents", "approvals");

	private final JdbcTemplate jdbc;

	private final AuditWriter writer;

	RegulatedModules(DataSource dataSource, AuditWriter writer) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.writer = writer;
	}

	/** The current tenant's regulated modules. */
	@Transactional(readOnly = true)
	public List<String> list() {
		return jdbc.query("select regulated_modules from audit_setting", (rs, i) -> modules(rs.getArray(1)))
			.stream()
			.findFirst()
			.orElse(List.of());
	}

	/** Replaces the current tenant's regulated modules; the change itself is audited. */
	@Transactional
	public List<String> replace(@Nullable List<String> modules) {
		List<String> wanted = new ArrayList<>(new TreeSet<>(modules == null ? List.of() : modules));
		List<String> unknown = wanted.stream().filter(m -> !REGULATABLE.contains(m)).toList();
		if (!unknown.isEmpty()) {
			throw ProblemException.validation(Map.of("modules", "Not a module that can be regulated: "
					+ String.join(", ", unknown) + " (choose from " + String.join(", ", REGULATABLE) + ")"));
		}
		List<String> before = list();
		jdbc.update(
				"insert into audit_setting (tenant_id, regulated_modules) values (?, ?) "
						+ "on conflict (tenant_id) do update set regulated_modules = excluded.regulated_modules",
				TenantContext.require().value(), wanted.toArray(String[]::new));
		ObjectNode changes = JsonNodeFactory.instance.objectNode();
		ObjectNode change = changes.putObject("regulatedModules");
		ArrayNode was = change.putArray("before");
		before.forEach(was::add);
		ArrayNode is = change.putArray("after");
		wanted.forEach(is::add);
		writer.record(TenantContext.require(),
				new AuditEntry(AuditEntry.Actor.current(), "settings.regulated_modules_changed", "audit_setting",
						TenantContext.require().toString(), changes, null));
		return wanted;
	}

	static String moduleOf(String entityType) {
		return entityType + "s";
	}

	static boolean isRegulated(SharedSessionContractImplementor session, UUID tenant, String module) {
		boolean[] regulated = { false };
		session.doWork(c -> {
			try (PreparedStatement select = c
				.prepareStatement("select ? = any (regulated_modules) from audit_setting where tenant_id = ?")) {
				select.setString(1, module);
				select.setObject(2, tenant);
				try (ResultSet rs = select.executeQuery()) {
					regulated[0] = rs.next() && rs.getBoolean(1);
				}
			}
		});
		return regulated[0];
	}

	static ProblemException reasonRequired() {
		return new ProblemException(HttpStatus.BAD_REQUEST, "reason_required",
				"Changes in this module are regulated: give a reason for the change",
				Map.of("reason", "Give a reason for this change"));
	}

	private static List<String> modules(@Nullable Array array) throws java.sql.SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}

}
