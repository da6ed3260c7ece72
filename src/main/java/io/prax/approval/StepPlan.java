package io.prax.approval;

import jakarta.persistence.Embeddable;

/**
 * A workflow's steps (as JSON), whether their order matters and whether a submitter may
 * sign their own submission: defined on the workflow and copied into each approval at
 * submission, so that a later change of the workflow does not change an approval under
 * way.
 */
@Embeddable
record StepPlan(String steps, boolean ordered, boolean selfApproval) {
}
