package io.prax.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import io.prax.access.Permission;
import io.prax.access.RequiresPermission;
import io.prax.platform.Page;
import io.prax.tenancy.TenantContext;
import org.jspecify.annotations.Nullable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Audit", description = "The tamper-evident audit trail")
@RestController
@RequestMapping("/api/v1/audit")
class AuditApiController {

	private final AuditManagement audit;

	private final RegulatedModules regulated;

	private final AuditCheckpoints checkpoints;

	AuditApiController(AuditManagement audit, RegulatedModules regulated, AuditCheckpoints checkpoints) {
		this.audit = audit;
		this.regulated = regulated;
		this.checkpoints = checkpoints;
	}

	/** Modules whose edits need a reason for change (F15). */
	record Regulated(@Nullable List<String> modules) {
	}

	@Operation(summary = "List the modules whose changes need a reason")
	@GetMapping("/regulated-modules")
	@RequiresPermission(Permission.AUDIT_VIEW)
	Regulated regulatedModules() {
		return new Regulated(regulated.list());
	}

	@Operation(summary = "Set the modules whose changes need a reason")
	@PutMapping("/regulated-modules")
	@RequiresPermission(Permission.SETTINGS_EDIT)
	Regulated regulateModules(@RequestBody Regulated body) {
		return new Regulated(regulated.replace(body.modules()));
	}

	@Operation(summary = "Search the audit trail")
	@GetMapping
	@RequiresPermission(Permission.AUDIT_VIEW)
	Page<AuditEventView> list(@RequestParam(required = false) @Nullable String entityType,
			@RequestParam(required = false) @Nullable String entityId,
			@RequestParam(required = false) @Nullable UUID actorId,
			@RequestParam(required = false) @Nullable String action,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant to,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(required = false) @Nullable Integer limit) {
		return audit.list(new AuditQuery(entityType, entityId, actorId, action, from, to), cursor, limit);
	}

	@Operation(summary = "Verify the audit chain and its signed checkpoints")
	@GetMapping("/verify")
	@RequiresPermission(Permission.AUDIT_VIEW)
	Verification verify() {
		return audit.verify();
	}

	@Operation(summary = "List the signed checkpoints of the audit chain")
	@GetMapping("/checkpoints")
	@RequiresPermission(Permission.AUDIT_VIEW)
	Items<CheckpointView> checkpoints() {
		return new Items<>(audit.checkpoints());
	}

	@Operation(summary = "List the public keys that sign checkpoints")
	@GetMapping("/public-keys")
	@RequiresPermission(Permission.AUDIT_VIEW)
	Items<PublicKeyView> publicKeys() {
		return new Items<>(audit.publicKeys());
	}

	/**
	 * The tenant's whole log as a ZIP for {@code java -jar prax.jar audit-verify}; its
	 * head is signed first and the export ends at that checkpoint, so every event of the
	 * export is covered by a signed checkpoint. Written to an owner-only temporary file
	 * first: the database connection is held only while the log is read, never while a
	 * slow client downloads it.
	 */
	@Operation(summary = "Export the audit trail with checkpoints for offline verification")
	@GetMapping("/export")
	@io.prax.platform.RequiresRecentAuthentication
	@RequiresPermission(Permission.AUDIT_EXPORT)
	void export(HttpServletResponse response) throws IOException {
		audit.recordExport();
		OptionalLong signed = checkpoints.signCurrentTenant();
		Path spool = Files.createTempFile("prax-audit-export-", ".zip");
		try {
			try (OutputStream out = Files.newOutputStream(spool)) {
				audit.export(out, signed);
			}
			response.setContentType("application/zip");
			response.setHeader("Content-Disposition",
					"attachment; filename=\"audit-" + TenantContext.require() + ".zip\"");
			response.setContentLengthLong(Files.size(spool));
			Files.copy(spool, response.getOutputStream());
		}
		finally {
			Files.deleteIfExists(spool);
		}
	}

	record Items<T>(List<T> items) {
	}

}
