package io.prax.approval;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.prax.access.AccessPolicy;
import io.prax.access.Permission;
import io.prax.access.RequiresPermission;
import io.prax.identity.CurrentUser;
import io.prax.identity.MfaManagement;
import io.prax.platform.Forms;
import io.prax.platform.Page;
import io.prax.platform.SignedInOnly;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The approvals inbox, the approval page with its signing dialog, the panel on record
 * pages, workflow settings.
 */
@Controller
class ApprovalController {

	private static final int NOTICES = 10;

	private final ApprovalManagement approvals;

	private final WorkflowManagement workflows;

	private final RecordTypes types;

	private final SignatureFailures failures;

	private final MfaManagement mfa;

	private final AccessPolicy access;

	ApprovalController(ApprovalManagement approvals, WorkflowManagement workflows, RecordTypes types,
			SignatureFailures failures, MfaManagement mfa, AccessPolicy access) {
		this.approvals = approvals;
		this.workflows = workflows;
		this.types = types;
		this.failures = failures;
		this.mfa = mfa;
		this.access = access;
	}

	@GetMapping("/approvals")
	@RequiresPermission(Permission.APPROVALS_VIEW)
	String list(@RequestParam(required = false) @Nullable String cursor, Model model) {
		model.addAttribute("activeNav", "approvals");
		// the portal's inbox: only approvals addressed to the user's own customer (see
		// ApprovalManagement), without the staff's notices and settings
		model.addAttribute("portal", CurrentUser.require().isCustomer());
		model.addAttribute("waiting",
				approvals.list(new ApprovalManagement.Filter(true, null, null, null), null, 100).items());
		Page<ApprovalView> all = approvals.list(new ApprovalManagement.Filter(false, null, null, null), cursor, null);
		model.addAttribute("rows", all.items());
		model.addAttribute("nextCursor", all.nextCursor());
		model.addAttribute("notices", CurrentUser.require().isAdmin() ? failures.latest(NOTICES) : List.of());
		model.addAttribute("canConfigure", access.can(Permission.SETTINGS_EDIT));
		return "approval/list";
	}

	@GetMapping("/approvals/{id}")
	@RequiresPermission(Permission.APPROVALS_VIEW)
	String detail(@PathVariable UUID id, Model model) {
		ApprovalView approval = approvals.get(new ApprovalId(id));
		model.addAttribute("activeNav", "approvals");
		model.addAttribute("approval", approval);
		model.addAttribute("canSign", approval.signableStep() != null && access.can(Permission.APPROVALS_APPROVE));
		model.addAttribute("meanings", workflows.meanings());
		model.addAttribute("enrolled", mfa.enrolled(CurrentUser.require().id()));
		return "approval/detail";
	}

	@PostMapping("/approvals/{id}/signatures")
	@RequiresPermission(Permission.APPROVALS_APPROVE)
	String sign(@PathVariable UUID id, @RequestParam(required = false) @Nullable String password,
			@RequestParam(required = false) @Nullable String totpCode,
			@RequestParam(required = false) @Nullable String meaning,
			@RequestParam(required = false) @Nullable String comment, RedirectAttributes redirect) {
		return Forms.submit(() -> {
			SignatureView signed = approvals.sign(new ApprovalId(id),
					new SignatureInput(password, totpCode, meaning, comment));
			redirect.addFlashAttribute("flash", "Signed: " + signed.manifestation());
			return "redirect:/approvals/" + id;
		}, redirect, "Not signed: ", "redirect:/approvals/" + id);
	}

	@PostMapping("/approvals")
	@RequiresPermission(Permission.APPROVALS_CREATE)
	String submit(@RequestParam String recordType, @RequestParam UUID recordId, RedirectAttributes redirect) {
		String back = "redirect:" + types.requireVisible(recordType, recordId).pagePath(recordId);
		return Forms.submit(() -> {
			ApprovalView submitted = approvals.submit(new ApprovalRequest(recordType, recordId));
			redirect.addFlashAttribute("flash", "Submitted for approval");
			return "redirect:/approvals/" + submitted.id();
		}, redirect, "Not submitted: ", back);
	}

	/**
	 * The approval section of a record's page (loaded by htmx): nothing without
	 * approvals:view or a workflow.
	 */
	@GetMapping("/approvals/panel")
	@SignedInOnly("a record's approval fragment: empty without approvals:view")
	String panel(@RequestParam String recordType, @RequestParam UUID recordId, Model model) {
		if (!access.can(Permission.APPROVALS_VIEW) || !types.known(recordType)
				|| !types.of(recordType).visible(recordId)) {
			return "approval/panel :: nothing";
		}
		List<ApprovalView> all = approvals
			.list(new ApprovalManagement.Filter(false, recordType, recordId, null), null, 20)
			.items();
		ApprovalView latest = all.isEmpty() ? null : all.get(0);
		boolean required = workflows.required(recordType);
		// portal users see only approvals addressed to them, never an empty invitation
		if (latest == null && (!required || CurrentUser.require().isCustomer())) {
			return "approval/panel :: nothing";
		}
		// a record whose every step the customer signs is sent for acceptance
		boolean acceptance = latest != null ? latest.steps().stream().allMatch(ApprovalView.Step::customer)
				: workflows.find(recordType)
					.map(w -> w.steps().stream().allMatch(StepDefinition::byCustomer))
					.orElse(false);
		model.addAttribute("heading", acceptance ? "Customer acceptance" : "Approval");
		model.addAttribute("intro", acceptance ? "Send this record to the customer, who signs it in the portal."
				: "Records of this kind need an approval before they are issued or finalized.");
		model.addAttribute("submitLabel", acceptance ? "Send for acceptance" : "Submit for approval");
		boolean standing = latest != null && latest.status() != ApprovalStatus.REJECTED;
		model.addAttribute("latest", latest);
		model.addAttribute("recordType", recordType);
		model.addAttribute("recordId", recordId);
		model.addAttribute("canSubmit", required && !standing && access.can(Permission.APPROVALS_CREATE)
				&& types.of(recordType).notSubmittable(recordId) == null);
		return "approval/panel :: panel";
	}

	@GetMapping("/approvals/workflows")
	@RequiresPermission(Permission.SETTINGS_EDIT)
	String workflows(Model model) {
		model.addAttribute("activeNav", "approvals");
		List<WorkflowRow> rows = new ArrayList<>();
		workflows.recordTypes()
			.forEach((type, label) -> rows.add(new WorkflowRow(type, label, workflows.find(type).orElse(null))));
		model.addAttribute("rows", rows);
		model.addAttribute("meanings", workflows.meanings());
		return "approval/workflows";
	}

	/** A record type and its workflow, if any, for the settings page. */
	record WorkflowRow(String recordType, String label, @Nullable WorkflowView workflow) {

		/** Three step rows for the form: the workflow's, then empty ones. */
		public List<StepDefinition> formSteps() {
			List<StepDefinition> steps = new ArrayList<>(workflow == null ? List.of() : workflow.steps());
			while (steps.size() < 3) {
				steps.add(new StepDefinition("", 1, List.of(), List.of(), false));
			}
			return steps;
		}
	}

	@PostMapping("/approvals/workflows/{recordType}")
	@RequiresPermission(Permission.SETTINGS_EDIT)
	String define(@PathVariable String recordType, @RequestParam(required = false) @Nullable String name,
			@RequestParam(required = false) @Nullable Boolean ordered,
			@RequestParam(required = false) @Nullable Boolean selfApproval,
			@RequestParam(name = "stepName", required = false) @Nullable List<String> stepNames,
			@RequestParam(name = "stepSigners", required = false) @Nullable List<Integer> stepSigners,
			@RequestParam(name = "stepRoles", required = false) @Nullable List<String> stepRoles,
			@RequestParam(name = "stepCustomer", required = false) @Nullable List<Integer> stepCustomer,
			RedirectAttributes redirect) {
		return Forms.submit(() -> {
			List<StepDefinition> steps = new ArrayList<>();
			List<String> names = stepNames == null ? List.of() : stepNames;
			for (int i = 0; i < names.size(); i++) {
				String stepName = names.get(i) == null ? "" : names.get(i).strip();
				if (stepName.isEmpty()) {
					continue;
				}
				Integer signers = stepSigners != null && i < stepSigners.size() ? stepSigners.get(i) : null;
				String roles = stepRoles != null && i < stepRoles.size() && stepRoles.get(i) != null ? stepRoles.get(i)
						: "";
				List<String> roleList = java.util.Arrays.stream(roles.split(","))
					.map(String::strip)
					.filter(r -> !r.isEmpty())
					.toList();
				boolean customer = stepCustomer != null && stepCustomer.contains(i);
				steps.add(new StepDefinition(stepName, signers == null ? 1 : signers, roleList, List.of(), customer));
			}
			workflows.define(recordType, new WorkflowInput(name, steps, Boolean.TRUE.equals(ordered),
					Boolean.TRUE.equals(selfApproval), null));
			redirect.addFlashAttribute("flash", "Workflow saved");
			return "redirect:/approvals/workflows";
		}, redirect, "Not saved: ", "redirect:/approvals/workflows");
	}

	@PostMapping("/approvals/workflows/{recordType}/delete")
	@RequiresPermission(Permission.SETTINGS_EDIT)
	String remove(@PathVariable String recordType, RedirectAttributes redirect) {
		return Forms.submit(() -> {
			workflows.remove(recordType, "Removed in the workflow settings");
			redirect.addFlashAttribute("flash", "Workflow removed");
			return "redirect:/approvals/workflows";
		}, redirect, "Not removed: ", "redirect:/approvals/workflows");
	}

}
