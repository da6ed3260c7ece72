package io.prax.approval;

import java.util.List;
import java.util.UUID;

import io.prax.identity.CurrentUser;
import org.jspecify.annotations.Nullable;

/**
 * Which step of an approval a user may sign now: the first incomplete step when the order
 * matters, else the first incomplete one they are eligible for and have not signed. Pure,
 * so the pre-check and the locked re-check in the signing transaction give the same
 * answer.
 */
final class Eligibility {

	private Eligibility() {
	}

	/**
	 * Who is asking: the signed-in user, their designation, and the customer the record
	 * is addressed to.
	 */
	record Signer(CurrentUser user, @Nullable UUID designation, @Nullable UUID addressedTo) {
	}

	sealed interface Verdict {

	}

	/** The signer may sign step {@code index}. */
	record Signable(int index) implements Verdict {
	}

	/** Why a user cannot sign; {@code code} is the problem code. */
	record Refusal(int status, String code, String detail) implements Verdict {

		io.prax.platform.ProblemException problem() {
			return new io.prax.platform.ProblemException(org.springframework.http.HttpStatus.valueOf(status), code,
					detail);
		}
	}

	static boolean complete(StepDefinition step, int index, List<SignatureRow> signatures) {
		return signatures.stream().filter(s -> s.stepIndex() == index).count() >= step.required();
	}

	static boolean eligible(StepDefinition step, Signer signer) {
		CurrentUser user = signer.user();
		if (step.byCustomer()) {
			return user.isCustomer() && user.customerId() != null && user.customerId().equals(signer.addressedTo());
		}
		if (user.isCustomer()) {
			return false;
		}
		if (step.rolesOrEmpty().isEmpty() && step.designationsOrEmpty().isEmpty()) {
			return true;
		}
		return step.rolesOrEmpty().stream().anyMatch(role -> user.roles().stream().anyMatch(role::equalsIgnoreCase))
				|| signer.designation() != null && step.designationsOrEmpty().contains(signer.designation());
	}

	/** The step index the signer may sign, or the refusal. */
	static Verdict step(Approval approval, List<StepDefinition> steps, List<SignatureRow> signatures, Signer signer) {
		if (approval.status() != ApprovalStatus.PENDING) {
			return new Refusal(409, "approval_closed",
					"This approval is " + approval.status().name().toLowerCase() + "; it takes no more signatures");
		}
		if (!approval.selfApproval() && approval.submittedBy().equals(signer.user().id().value())) {
			return new Refusal(403, "own_submission",
					"You submitted this record; its workflow does not let the submitter sign it");
		}
		boolean signedOpenStep = false;
		for (int i = 0; i < steps.size(); i++) {
			StepDefinition step = steps.get(i);
			if (complete(step, i, signatures)) {
				continue;
			}
			int index = i;
			boolean signed = signatures.stream()
				.anyMatch(s -> s.stepIndex() == index && s.signerId().equals(signer.user().id().value()));
			if (signed) {
				signedOpenStep = true;
			}
			else if (eligible(step, signer)) {
				return new Signable(i);
			}
			if (approval.ordered()) {
				break;
			}
		}
		return signedOpenStep ? new Refusal(409, "already_signed", "You already signed this step")
				: new Refusal(403, "not_a_signer", "This approval is not waiting for your signature");
	}

}
