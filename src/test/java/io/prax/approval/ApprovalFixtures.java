package io.prax.approval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.prax.support.Api;
import io.prax.support.Authenticator;

import static org.assertj.core.api.Assertions.assertThat;

/** Workflows, drafts and signatures in domain language, through the API. */
final class ApprovalFixtures {

	private ApprovalFixtures() {
	}

	static Map<String, Object> step(String name, int signers, List<String> roles) {
		Map<String, Object> step = new LinkedHashMap<>();
		step.put("name", name);
		step.put("signers", signers);
		step.put("roles", roles);
		return step;
	}

	/**
	 * Review by a REVIEWER, then approval by a MANAGER, in this order; the submitter may
	 * not sign.
	 */
	static Map<String, Object> reviewThenApprove() {
		return Map.of("name", "Review and approval", "steps",
				List.of(step("Review", 1, List.of("REVIEWER")), step("Approval", 1, List.of("MANAGER"))), "ordered",
				true, "selfApproval", false);
	}

	static void workflow(Api api, String token, String recordType, Map<String, Object> workflow) {
		var defined = api.send("PUT", "/api/v1/approvals/workflows/" + recordType, workflow, token);
		assertThat(defined.status()).as(defined.body()).isEqualTo(200);
	}

	static String submit(Api api, String token, String recordType, String recordId) {
		var submitted = api.post("/api/v1/approvals", Map.of("recordType", recordType, "recordId", recordId), token);
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
		return submitted.text("id");
	}

	static Map<String, Object> signature(String password, String meaning) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("password", password);
		body.put("meaning", meaning);
		body.put("comment", "Checked against the order");
		return body;
	}

	static Api.Response sign(Api api, String token, String approvalId, String password, String meaning) {
		return api.post("/api/v1/approvals/" + approvalId + "/signatures", signature(password, meaning), token);
	}

	/**
	 * Enrols TOTP for the signed-in user; the test authenticator then knows their codes.
	 */
	static void enrolTotp(Api api, String token, String tenant, String email) {
		var started = api.post("/api/v1/me/mfa/totp", null, token);
		assertThat(started.status()).as(started.body()).isEqualTo(200);
		Authenticator.enrolled(tenant, email, started.text("secret"));
		var confirmed = api.post("/api/v1/me/mfa/totp/confirm", Map.of("code", Authenticator.nextCode(tenant, email)),
				token);
		assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
		List<String> codes = new java.util.ArrayList<>();
		confirmed.json().get("backupCodes").forEach(code -> codes.add(code.asString()));
		Authenticator.backupCodes(tenant, email, codes);
	}

}
