package io.prax.approval;

import java.util.List;
import java.util.UUID;

/** A record type's workflow. */
public record WorkflowView(UUID id, String recordType, String recordTypeLabel, String name, List<StepDefinition> steps,
		boolean ordered, boolean selfApproval, long version) {
}
