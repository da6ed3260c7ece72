package io.prax.approval;

import static io.prax.platform.Validation.checked;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import io.prax.identity.CurrentUser;
import io.prax.platform.ProblemException;
import io.prax.identity.Tier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The current tenant's approval workflows, one per record type, and its controlled
 * vocabulary of signature meanings (the defaults Authored, Reviewed, Approved, Rejected
 * until changed).
 */
@Service
@Validated
public class WorkflowManagement {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<List<StepDefinition>> STEPS = new TypeReference<>() {
	};

	private static final TypeReference<List<Meaning>> MEANINGS = new TypeReference<>() {
	};
	static final List<Meaning> DEFAULT_MEANINGS = List.of(new Meaning("AUTHORED", "Authored", false),
			new Meaning("REVIEWED", "Reviewed", false), new Meaning("APPROVED", "Approved", false),
			new Meaning("REJECTED", "Rejected", true));

	private final ApprovalWorkflows workflows;

	private final ApprovalVocabularies vocabularies;

	private final RecordTypes types;

	private final Clock clock;

	WorkflowManagement(ApprovalWorkflows workflows, ApprovalVocabularies vocabularies, RecordTypes types, Clock clock) {
		this.workflows = workflows;
		this.vocabularies = vocabularies;
		this.types = types;
		this.clock = clock;
	}

	/** The record types approvals can be asked for, with their labels. */
	public Map<String, String> recordTypes() {
		Map<String, String> all = new LinkedHashMap<>();
		types.types().forEach(type -> all.put(type, types.label(type)));
		return all;
	}

	/**
	 * Every workflow of the tenant, for its staff: who signs what (roles, designations)
	 * is not for portal users, who see only the approvals addressed to them (403).
	 */
	@Transactional(readOnly = true)
	public List<WorkflowView> list() {
		if (CurrentUser.require().tier() == Tier.CUSTOMER) {
			throw ProblemException.forbidden();
		}
		return workflows.findAllByOrderByRecordTypeAsc()
			.stream()
			.filter(w -> types.known(w.recordType()))
			.map(this::view)
			.toList();
	}

	@Transactional(readOnly = true)
	public Optional<WorkflowView> find(String recordType) {
		return workflows.findByRecordType(recordType).map(this::view);
	}

	/**
	 * Whether records of the type need an approval before they are issued or finalized.
	 */
	@Transactional(readOnly = true)
	public boolean required(String recordType) {
		return workflows.findByRecordType(recordType).isPresent();
	}

	/**
	 * Creates or replaces the record type's workflow; approvals under way keep the steps
	 * they started with.
	 */
	@Transactional
	public WorkflowView define(String recordType, @Valid WorkflowInput input) {
		types.of(recordType);
		ApprovalWorkflow workflow = workflows.findByRecordType(recordType).orElse(null);
		if (workflow == null) {
			workflow = new ApprovalWorkflow(recordType);
		}
		else if (input.version() != null) {
			workflow.requireVersion(input.version());
		}
		List<StepDefinition> steps = input.steps() == null ? List.of()
				: input.steps()
					.stream()
					.map(s -> new StepDefinition(checked(s.name()).strip(), s.required(), s.rolesOrEmpty(),
							s.designationsOrEmpty(), s.byCustomer()))
					.toList();
		Set<String> names = new HashSet<>();
		for (StepDefinition step : steps) {
			if (!names.add(checked(step.name()).toLowerCase(java.util.Locale.ROOT))) {
				throw ProblemException.validation(Map.of("steps", "Give each step its own name"));
			}
		}
		workflow.define(checked(input.name()).strip(), JSON.writeValueAsString(steps),
				input.ordered() == null || input.ordered(), Boolean.TRUE.equals(input.selfApproval()));
		return view(workflows.saveAndFlush(workflow));
	}

	/** Records of the type no longer need an approval; approvals under way continue. */
	@Transactional
	public void remove(String recordType, @Nullable String reason) {
		ApprovalWorkflow workflow = workflows.findByRecordType(recordType)
			.orElseThrow(() -> ProblemException.notFound("Workflow"));
		String why = reason == null || reason.isBlank() ? "Workflow removed" : reason.strip();
		if (why.length() > 1000) {
			throw ProblemException.validation(Map.of("reason", "Use at most 1000 characters"));
		}
		workflow.remove(Instant.now(clock), CurrentUser.require().id().value(), why);
		workflows.saveAndFlush(workflow);
	}

	/** The tenant's signature meanings, in order. */
	@Transactional(readOnly = true)
	public List<Meaning> meanings() {
		return vocabularies.findFirstBy().map(v -> JSON.readValue(v.meanings(), MEANINGS)).orElse(DEFAULT_MEANINGS);
	}

	/**
	 * The new vocabulary; signatures already given keep the meaning and label they were
	 * given with.
	 */
	public record VocabularyInput(@NotEmpty(message = "Give at least one meaning") @Size(max = 20,
			message = "At most {max} meanings") @Nullable List<@Valid Meaning> meanings) {
	}

	@Transactional
	public List<Meaning> changeMeanings(@Valid VocabularyInput input) {
		List<Meaning> meanings = checked(input.meanings()).stream()
			.map(m -> new Meaning(m.code(), checked(m.label()).strip(), m.rejecting()))
			.toList();
		if (meanings.stream().map(Meaning::code).distinct().count() != meanings.size()) {
			throw ProblemException.validation(Map.of("meanings", "Give each meaning its own code"));
		}
		if (meanings.stream().noneMatch(m -> !m.rejecting())) {
			throw ProblemException.validation(Map.of("meanings", "Keep at least one meaning that does not reject"));
		}
		String json = JSON.writeValueAsString(meanings);
		ApprovalVocabulary vocabulary = vocabularies.findFirstBy().orElse(null);
		if (vocabulary == null) {
			vocabularies.saveAndFlush(new ApprovalVocabulary(json));
		}
		else {
			vocabulary.change(json);
			vocabularies.saveAndFlush(vocabulary);
		}
		return meanings;
	}

	static List<StepDefinition> steps(String json) {
		return JSON.readValue(json, STEPS);
	}

	private WorkflowView view(ApprovalWorkflow workflow) {
		return new WorkflowView(workflow.id(), workflow.recordType(), types.label(workflow.recordType()),
				workflow.name(), steps(workflow.plan().steps()), workflow.plan().ordered(),
				workflow.plan().selfApproval(), workflow.version());
	}

}
