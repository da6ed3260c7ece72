package io.prax.approval;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.prax.access.Permission;
import io.prax.access.RequiresPermission;
import io.prax.platform.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Approvals",
		description = "Approval workflows and 21 CFR Part 11 electronic signatures bound to the record version signed")
@RestController
@RequestMapping("/api/v1/approvals")
class ApprovalApiController {

	private final ApprovalManagement approvals;

	private final WorkflowManagement workflows;

	ApprovalApiController(ApprovalManagement approvals, WorkflowManagement workflows) {
		this.approvals = approvals;
		this.workflows = workflows;
	}

	@Operation(summary = "List approvals, newest first; waiting=me for those waiting for the caller's signature")
	@GetMapping
	@RequiresPermission(Permission.APPROVALS_VIEW)
	Page<ApprovalView> list(@RequestParam(required = false) @Nullable String waiting,
			@RequestParam(required = false) @Nullable String recordType,
			@RequestParam(required = false) @Nullable UUID recordId,
			@RequestParam(required = false) @Nullable ApprovalStatus status,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(required = false) @Nullable Integer limit) {
		return approvals.list(new ApprovalManagement.Filter("me".equals(waiting), recordType, recordId, status), cursor,
				limit);
	}

	@Operation(summary = "Submit a record for approval, freezing its current version (canonical JSON and SHA-256)")
	@PostMapping
	@RequiresPermission(Permission.APPROVALS_CREATE)
	ResponseEntity<ApprovalView> submit(@RequestBody ApprovalRequest request) {
		ApprovalView created = approvals.submit(request);
		return ResponseEntity.created(URI.create("/api/v1/approvals/" + created.id())).body(created);
	}

	@Operation(summary = "The tenant's controlled vocabulary of signature meanings")
	@GetMapping("/meanings")
	@RequiresPermission(Permission.APPROVALS_VIEW)
	Page<Meaning> meanings() {
		return new Page<>(workflows.meanings(), null);
	}

	@Operation(summary = "Replace the tenant's vocabulary of signature meanings")
	@PutMapping("/meanings")
	@RequiresPermission(Permission.SETTINGS_EDIT)
	Page<Meaning> changeMeanings(@RequestBody WorkflowManagement.VocabularyInput input) {
		return new Page<>(workflows.changeMeanings(input), null);
	}

	@Operation(summary = "List the tenant's approval workflows, one per record type")
	@GetMapping("/workflows")
	@RequiresPermission(Permission.APPROVALS_VIEW)
	Page<WorkflowView> listWorkflows() {
		List<WorkflowView> all = workflows.list();
		return new Page<>(all, null);
	}

	@Operation(summary = "Create or replace the approval workflow of a record type")
	@PutMapping("/workflows/{recordType}")
	@RequiresPermission(Permission.SETTINGS_EDIT)
	WorkflowView defineWorkflow(@PathVariable String recordType, @RequestBody WorkflowInput input) {
		return workflows.define(recordType, input);
	}

	@Operation(summary = "Remove the approval workflow of a record type; approvals under way continue")
	@DeleteMapping("/workflows/{recordType}")
	@RequiresPermission(Permission.SETTINGS_EDIT)
	ResponseEntity<Void> removeWorkflow(@PathVariable String recordType,
			@RequestParam(required = false) @Nullable String reason) {
		workflows.remove(recordType, reason);
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "Get an approval with its steps and signatures")
	@GetMapping("/{id}")
	@RequiresPermission(Permission.APPROVALS_VIEW)
	ApprovalView get(@PathVariable UUID id) {
		return approvals.get(new ApprovalId(id));
	}

	@Operation(summary = "Sign an approval: re-enter password (and TOTP code when enrolled), choose a meaning")
	@PostMapping("/{id}/signatures")
	@RequiresPermission(Permission.APPROVALS_APPROVE)
	ResponseEntity<SignatureView> sign(@PathVariable UUID id, @RequestBody SignatureInput input) {
		SignatureView signature = approvals.sign(new ApprovalId(id), input);
		return ResponseEntity.created(URI.create("/api/v1/approvals/" + id)).body(signature);
	}

}
