package io.prax.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.prax.access.AccessPolicy;
import io.prax.access.Permission;
import io.prax.access.RequiresPermission;
import io.prax.platform.Page;
import io.prax.platform.SignedInOnly;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

@Controller
@RequestMapping("/audit")
class AuditController {

	private static final int HISTORY_SIZE = 20;

	private final AuditManagement audit;

	private final AccessPolicy access;

	AuditController(AuditManagement audit, AccessPolicy access) {
		this.audit = audit;
		this.access = access;
	}

	/**
	 * The filter form as the page sends it: dates are whole UTC days, {@code to}
	 * inclusive.
	 */
	record Filters(@Nullable String entityType, @Nullable String entityId, @Nullable String actorId,
			@Nullable String action, @Nullable LocalDate from, @Nullable LocalDate to) {

		AuditQuery query() {
			return new AuditQuery(blank(entityType), blank(entityId), actor(), blank(action),
					from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant(),
					to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
		}

		public boolean any() {
			return blank(entityType) != null || blank(entityId) != null || blank(actorId) != null
					|| blank(action) != null || from != null || to != null;
		}

		Map<String, Object> params() {
			Map<String, Object> params = new java.util.LinkedHashMap<>();
			put(params, "entityType", blank(entityType));
			put(params, "entityId", blank(entityId));
			put(params, "actorId", blank(actorId));
			put(params, "action", blank(action));
			put(params, "from", from);
			put(params, "to", to);
			return params;
		}

		private @Nullable UUID actor() {
			try {
				String id = blank(actorId);
				return id == null ? null : UUID.fromString(id.strip());
			}
			catch (IllegalArgumentException ex) {
				return new UUID(0, 0);
			}
		}

		private static void put(Map<String, Object> params, String name, @Nullable Object value) {
			if (value != null) {
				params.put(name, value);
			}
		}

		private static @Nullable String blank(@Nullable String value) {
			return value == null || value.isBlank() ? null : value.strip();
		}
	}

	/** One row of the table: the event with its changes as readable lines. */
	record Row(long seq, Instant occurredAt, @Nullable String actor, @Nullable String actorTier, String action,
			@Nullable String entityType, @Nullable String entityId, List<String> changes, @Nullable String reason,
			@Nullable String ip, String checksum) {

		static Row of(AuditEventView e) {
			return new Row(e.seq(), e.occurredAt(), e.actorName(), e.actorTier(), e.action(), e.entityType(),
					e.entityId(), lines(e.changes()), e.reason(), e.ip(), e.checksum());
		}

		private static List<String> lines(@Nullable JsonNode changes) {
			List<String> lines = new ArrayList<>();
			if (changes == null || !changes.isObject()) {
				return lines;
			}
			for (Map.Entry<String, JsonNode> field : changes.properties()) {
				JsonNode value = field.getValue();
				if (value.isObject() && value.has("after")) {
					lines.add(value.has("before")
							? field.getKey() + ": " + text(value.get("before")) + " → " + text(value.get("after"))
							: field.getKey() + ": " + text(value.get("after")));
				}
				else {
					lines.add(field.getKey() + ": " + text(value));
				}
			}
			return lines;
		}

		private static String text(@Nullable JsonNode value) {
			return value == null || value.isNull() ? "—" : value.isString() ? value.asString() : value.toString();
		}
	}

	@ModelAttribute
	void frame(Model model) {
		model.addAttribute("activeNav", "audit");
	}

	@GetMapping
	@RequiresPermission(Permission.AUDIT_VIEW)
	String list(Filters filters, @RequestParam(required = false) @Nullable String cursor,
			@RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model) {
		page(filters, cursor, model);
		return htmx != null && cursor != null ? "audit/list :: rows" : "audit/list";
	}

	/**
	 * Walks the chain; htmx swaps in the result, a plain request gets the whole page with
	 * it.
	 */
	@GetMapping("/verify")
	@RequiresPermission(Permission.AUDIT_VIEW)
	String verify(@RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model) {
		model.addAttribute("verification", audit.verify());
		if (htmx != null) {
			return "audit/list :: verification";
		}
		page(new Filters(null, null, null, null, null, null), null, model);
		return "audit/list";
	}

	/**
	 * A record's history, for its detail page (loaded by htmx); nothing for users who may
	 * not see the audit log, so the detail page shows no empty or forbidden section.
	 */
	@GetMapping("/history")
	@SignedInOnly("a record's history fragment: empty without audit:view")
	String history(@RequestParam String entityType, @RequestParam String entityId, Model model) {
		if (!access.can(Permission.AUDIT_VIEW)) {
			return "audit/history :: nothing";
		}
		Page<AuditEventView> page = audit.list(new AuditQuery(entityType, entityId, null, null, null, null), null,
				HISTORY_SIZE);
		model.addAttribute("rows", page.items().stream().map(Row::of).toList());
		model.addAttribute("more", page.nextCursor() != null);
		model.addAttribute("entityType", entityType);
		model.addAttribute("entityId", entityId);
		return "audit/history :: history";
	}

	private void page(Filters filters, @Nullable String cursor, Model model) {
		Page<AuditEventView> page = audit.list(filters.query(), cursor, null);
		model.addAttribute("filters", filters);
		model.addAttribute("rows", page.items().stream().map(Row::of).toList());
		if (page.nextCursor() != null) {
			UriComponentsBuilder more = UriComponentsBuilder.fromPath("/audit");
			filters.params().forEach(more::queryParam);
			model.addAttribute("moreUrl", more.queryParam("cursor", page.nextCursor()).encode().build().toUriString());
		}
		model.addAttribute("firstPage", cursor == null);
	}

}
