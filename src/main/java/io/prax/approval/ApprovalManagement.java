package io.prax.approval;

import static io.prax.platform.Validation.checked;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;

import io.prax.audit.AuditEvents;
import io.prax.identity.CurrentUser;
import io.prax.identity.DesignationLookup;
import io.prax.identity.UserDirectory;
import io.prax.identity.UserAccount;
import io.prax.identity.UserId;
import io.prax.platform.CanonicalJson;
import io.prax.platform.Cursor;
import io.prax.platform.Ids;
import io.prax.platform.Page;
import io.prax.platform.ProblemException;
import io.prax.session.SigningAuthentication;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Limit;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.annotation.Validated;

/**
 * Approvals of the current tenant: submitting a record (its version frozen by canonical
 * JSON and SHA-256), reading them, and signing (21 CFR Part 11): the signer
 * re-authenticates in the signing request, picks a meaning of the vocabulary, and the
 * signature is bound to the record version and written to the audit chain in the same
 * transaction. Nothing is written for a refused signature but the security notice of a
 * failed re-authentication.
 */
@Service
@Validated
public class ApprovalManagement {

	private final Approvals approvals;

	private final ApprovalSignatures signatures;

	private final ApprovalWorkflows workflows;

	private final WorkflowManagement settings;

	private final RecordTypes types;

	private final SigningAuthentication signing;

	private final SignatureFailures failures;

	private final DesignationLookup designations;

	private final UserDirectory identity;

	private final AuditEvents audit;

	private final TransactionTemplate transactions;

	private final Clock clock;

	ApprovalManagement(Approvals approvals, ApprovalSignatures signatures, ApprovalWorkflows workflows,
			WorkflowManagement settings, RecordTypes types, SigningAuthentication signing, SignatureFailures failures,
			DesignationLookup designations, UserDirectory identity, AuditEvents audit, TransactionTemplate transactions,
			Clock clock) {
		this.approvals = approvals;
		this.signatures = signatures;
		this.workflows = workflows;
		this.settings = settings;
		this.types = types;
		this.signing = signing;
		this.failures = failures;
		this.designations = designations;
		this.identity = identity;
		this.audit = audit;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Submits the record: 404 when the caller cannot see it, 409 {@code no_workflow} when
	 * its type has none, {@code not_submittable} when its state does not allow it,
	 * {@code approval_exists} while another approval of it is pending or approved.
	 */
	public ApprovalView submit(@Valid ApprovalRequest request) {
		return transactions.execute(status -> {
			String recordType = checked(request.recordType());
			UUID id = checked(request.recordId());
			ApprovableRecords records = types.requireVisible(recordType, id);
			ApprovalWorkflow workflow = workflows.findByRecordType(recordType)
				.orElseThrow(() -> new ProblemException(HttpStatus.CONFLICT, "no_workflow",
						records.label() + " records have no approval workflow"));
			String reason = records.notSubmittable(id);
			if (reason != null) {
				throw new ProblemException(HttpStatus.CONFLICT, "not_submittable", reason);
			}
			if (approvals.ofRecord(recordType, id).stream().anyMatch(a -> a.status() != ApprovalStatus.REJECTED)) {
				throw new ProblemException(HttpStatus.CONFLICT, "approval_exists",
						"This record already has an approval that is pending or complete");
			}
			String content = CanonicalJson
				.canonical(records.content(id).orElseThrow(() -> ProblemException.notFound("Record")));
			String title = truncate(records.title(id), 300);
			Approval approval = approvals.saveAndFlush(new Approval(workflow, recordType, id, title, content,
					CanonicalJson.sha256(content), CurrentUser.require().id().value(), Instant.now(clock)));
			return view(approval, List.of());
		});
	}

	/**
	 * The approval, or 404 when it does not exist or its record is not the caller's to
	 * see.
	 */
	public ApprovalView get(ApprovalId id) {
		return transactions.execute(status -> {
			Approval approval = find(id.value());
			return view(approval, signatures.of(approval.id()));
		});
	}

	/**
	 * List filters: only those waiting for the caller's signature, a record's, a status.
	 */
	public record Filter(boolean waitingForMe, @Nullable String recordType, @Nullable UUID recordId,
			@Nullable ApprovalStatus status) {
	}

	/** Approvals newest first, those of records the caller cannot see left out. */
	public Page<ApprovalView> list(Filter filter, @Nullable String cursor, @Nullable Integer limit) {
		int size = Page.limit(limit);
		UUID before = cursor == null || cursor.isBlank() ? null : Cursor.decodeId(cursor);
		return transactions.execute(status -> {
			List<Approval> rows = new ArrayList<>();
			UUID after = before;
			// filtered in memory (visibility, eligibility), so fetch in batches until the
			// page is full
			for (int batch = 0; batch < 20 && rows.size() <= size; batch++) {
				List<Approval> fetched = filter.recordType() != null && filter.recordId() != null
						? (batch == 0 ? approvals.ofRecord(filter.recordType(), filter.recordId()) : List.of())
						: after == null ? approvals.newest(Limit.of(200))
								: approvals.newestBefore(after, Limit.of(200));
				if (fetched.isEmpty()) {
					break;
				}
				after = fetched.get(fetched.size() - 1).id();
				Map<UUID, List<SignatureRow>> signed = bySignature(fetched);
				for (Approval a : fetched) {
					if (before != null && a.id().compareTo(before) >= 0) {
						continue;
					}
					if (filter.status() != null && a.status() != filter.status()) {
						continue;
					}
					if (!visible(a)) {
						continue;
					}
					if (filter.waitingForMe()
							&& !(verdict(a, signed.getOrDefault(a.id(), List.of())) instanceof Eligibility.Signable)) {
						continue;
					}
					rows.add(a);
					if (rows.size() > size) {
						break;
					}
				}
				if (filter.recordType() != null && filter.recordId() != null) {
					break;
				}
			}
			Map<UUID, List<SignatureRow>> signed = bySignature(rows);
			return Page.of(rows, size, a -> view(a, signed.getOrDefault(a.id(), List.of())), a -> Cursor.ofId(a.id()));
		});
	}

	/**
	 * Signs the approval for the caller. Refused, with nothing written: 400
	 * {@code validation_failed} for a missing password or meaning, or a meaning outside
	 * the vocabulary; 404; 403 {@code own_submission} / {@code not_a_signer}; 409
	 * {@code already_signed} / {@code approval_closed}; 401 {@code invalid_credentials}
	 * for a wrong password or code (counted toward lockout, and reported to the
	 * administrators); 429 while locked. The password is checked outside any transaction.
	 */
	public SignatureView sign(ApprovalId id, @Valid SignatureInput input) {
		Meaning meaning = settings.meanings()
			.stream()
			.filter(m -> checked(m.code()).equals(checked(input.meaning()).strip()))
			.findFirst()
			.orElseThrow(() -> ProblemException.validation(Map.of("meaning",
					"Choose one of: " + String.join(", ", settings.meanings().stream().map(Meaning::code).toList()))));
		transactions.executeWithoutResult(status -> {
			Approval approval = find(id.value());
			if (verdict(approval, signatures.of(approval.id())) instanceof Eligibility.Refusal refusal) {
				throw refusal.problem();
			}
		});
		SigningAuthentication.Signer signer;
		try {
			signer = signing.confirm(checked(input.password()), input.totpCode());
		}
		catch (ProblemException refused) {
			if (refused.status() == HttpStatus.UNAUTHORIZED || refused.status() == HttpStatus.TOO_MANY_REQUESTS) {
				failures.report(id, refused.code());
			}
			throw refused;
		}
		return recordSigned(id, meaning, input.comment(), signer.account());
	}

	/**
	 * What follows a successful re-authentication, in one transaction with the approval
	 * row locked: a second signature of the same step by the same signer answers 409
	 * {@code already_signed}.
	 */
	SignatureView recordSigned(ApprovalId id, Meaning meaning, @Nullable String comment, UserAccount signer) {
		try {
			return transactions.execute(status -> record(id, meaning, comment, signer));
		}
		catch (DuplicateKeyException twice) {
			throw new ProblemException(HttpStatus.CONFLICT, "already_signed", "You already signed this step");
		}
	}

	private SignatureView record(ApprovalId id, Meaning meaning, @Nullable String comment, UserAccount signer) {
		find(id.value());
		Approval approval = approvals.lockById(id.value()).orElseThrow(() -> ProblemException.notFound("Approval"));
		List<SignatureRow> existing = signatures.of(approval.id());
		Eligibility.Verdict verdict = verdict(approval, existing);
		if (verdict instanceof Eligibility.Refusal refusal) {
			throw refusal.problem();
		}
		int index = ((Eligibility.Signable) verdict).index();
		String current = types.of(approval.recordType())
			.content(approval.recordId())
			.map(CanonicalJson::sha256)
			.orElse("");
		if (!current.equals(approval.recordSha256())) {
			throw new ProblemException(HttpStatus.CONFLICT, "record_changed",
					"The record changed since it was submitted; submit it again");
		}
		// the record's own state may end what an approval is for (a voided invoice is no
		// longer accepted) without changing the content that was signed
		String notSignable = types.of(approval.recordType()).notSubmittable(approval.recordId());
		if (notSignable != null) {
			throw new ProblemException(HttpStatus.CONFLICT, "not_signable", notSignable);
		}
		List<StepDefinition> steps = WorkflowManagement.steps(approval.steps());
		String cleanComment = comment == null || comment.isBlank() ? null : comment.strip();
		Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
		SignatureRow draft = new SignatureRow(Ids.newId(), approval.id(), approval.recordType(), approval.recordId(),
				approval.recordSha256(), index, checked(steps.get(index).name()), signer.id().value(), signer.name(),
				now, checked(meaning.code()), checked(meaning.label()), cleanComment, "");
		SignatureRow row = new SignatureRow(draft.id(), draft.approvalId(), draft.recordType(), draft.recordId(),
				draft.recordSha256(), draft.stepIndex(), draft.stepName(), draft.signerId(), draft.signerName(),
				draft.signedAt(), draft.meaning(), draft.meaningLabel(), draft.comment(), draft.binding());
		signatures.insert(row);
		List<SignatureRow> all = new ArrayList<>(existing);
		all.add(row);
		if (meaning.rejecting()) {
			approval.complete(ApprovalStatus.REJECTED, now);
		}
		else if (allComplete(steps, all)) {
			approval.complete(ApprovalStatus.APPROVED, now);
		}
		approvals.saveAndFlush(approval);
		Map<String, String> details = new LinkedHashMap<>();
		details.put("approvalId", approval.id().toString());
		details.put("recordType", approval.recordType());
		details.put("recordId", approval.recordId().toString());
		details.put("recordSha256", approval.recordSha256());
		details.put("step", steps.get(index).name());
		details.put("signerId", signer.id().value().toString());
		details.put("signerName", signer.name());
		details.put("signedAt", SignatureRow.TIME.format(now));
		details.put("meaning", meaning.code());
		details.put("bindingSha256", row.bindingSha256());
		details.put("approvalStatus", approval.status().name());
		audit.record("approval.signed", "approval_signature", row.id().toString(), details, cleanComment);
		return row.view();
	}

	private static boolean allComplete(List<StepDefinition> steps, List<SignatureRow> all) {
		for (int i = 0; i < steps.size(); i++) {
			if (!Eligibility.complete(steps.get(i), i, all)) {
				return false;
			}
		}
		return true;
	}

	private Eligibility.Verdict verdict(Approval approval, List<SignatureRow> signed) {
		CurrentUser user = CurrentUser.require();
		UUID designation = user.isCustomer() ? null
				: designations.designationOf(user.id()).map(DesignationLookup.Designated::id).orElse(null);
		UUID addressedTo = types.known(approval.recordType())
				? types.of(approval.recordType()).addressedTo(approval.recordId()) : null;
		return Eligibility.step(approval, WorkflowManagement.steps(approval.steps()), signed,
				new Eligibility.Signer(user, designation, addressedTo));
	}

	private Approval find(UUID id) {
		Approval approval = approvals.findById(id).orElseThrow(() -> ProblemException.notFound("Approval"));
		if (!visible(approval)) {
			throw ProblemException.notFound("Approval");
		}
		return approval;
	}

	/**
	 * Whether the caller may see the approval: its record is theirs to see, and for a
	 * portal user it also has a customer step addressed to their own customer (the
	 * internal approval of an invoice they can see is not theirs).
	 */
	private boolean visible(Approval approval) {
		if (!types.known(approval.recordType()) || !types.of(approval.recordType()).visible(approval.recordId())) {
			return false;
		}
		CurrentUser user = CurrentUser.require();
		if (!user.isCustomer()) {
			return true;
		}
		UUID customer = user.customerId();
		return customer != null && customer.equals(types.of(approval.recordType()).addressedTo(approval.recordId()))
				&& WorkflowManagement.steps(approval.steps()).stream().anyMatch(StepDefinition::byCustomer);
	}

	private Map<UUID, List<SignatureRow>> bySignature(List<Approval> rows) {
		Map<UUID, List<SignatureRow>> signed = new HashMap<>();
		signatures.ofAll(rows.stream().map(Approval::id).toList())
			.forEach(s -> signed.computeIfAbsent(s.approvalId(), k -> new ArrayList<>()).add(s));
		return signed;
	}

	ApprovalView view(Approval approval, List<SignatureRow> signed) {
		List<StepDefinition> steps = WorkflowManagement.steps(approval.steps());
		List<ApprovalView.Step> stepViews = new ArrayList<>();
		for (int i = 0; i < steps.size(); i++) {
			StepDefinition step = steps.get(i);
			int index = i;
			stepViews.add(new ApprovalView.Step(i, checked(step.name()), step.required(), step.rolesOrEmpty(),
					step.designationsOrEmpty(), step.byCustomer(), Eligibility.complete(step, i, signed),
					signed.stream().filter(s -> s.stepIndex() == index).map(SignatureRow::view).toList()));
		}
		Integer signable = CurrentUser.current().isPresent()
				&& verdict(approval, signed) instanceof Eligibility.Signable s ? s.index() : null;
		String submitter = identity.find(new UserId(approval.submittedBy()))
			.map(UserAccount::name)
			.orElse("(former user)");
		boolean known = types.known(approval.recordType());
		return new ApprovalView(approval.id(), approval.recordType(), types.label(approval.recordType()),
				approval.recordId(), approval.recordTitle(),
				known ? types.of(approval.recordType()).pagePath(approval.recordId()) : "/approvals/" + approval.id(),
				approval.status(), approval.recordSha256(), List.copyOf(stepViews), approval.ordered(),
				approval.selfApproval(), approval.submittedBy(), submitter, approval.submittedAt(),
				approval.completedAt(), signable, approval.version());
	}

	private static String truncate(String text, int max) {
		String clean = text == null || text.isBlank() ? "Record" : text.strip();
		return clean.length() <= max ? clean : clean.substring(0, max - 1) + "…";
	}

}
