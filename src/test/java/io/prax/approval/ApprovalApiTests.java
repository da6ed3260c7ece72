package io.prax.approval;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.prax.identity.UserLifecycle;
import io.prax.identity.Onboarding;
import io.prax.identity.Tier;
import io.prax.identity.UserAccount;
import io.prax.platform.CanonicalJson;
import io.prax.support.Api;
import io.prax.support.Authenticator;
import io.prax.support.PraxIntegrationTest;
import io.prax.support.Tenants;
import io.prax.support.Tenants.TestTenant;
import io.prax.tenancy.DatabaseSuperuser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

import static io.prax.approval.ApprovalFixtures.enrolTotp;
import static io.prax.approval.ApprovalFixtures.reviewThenApprove;
import static io.prax.approval.ApprovalFixtures.sign;
import static io.prax.approval.ApprovalFixtures.signature;
import static io.prax.approval.ApprovalFixtures.step;
import static io.prax.approval.ApprovalFixtures.submit;
import static io.prax.approval.ApprovalFixtures.workflow;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Approvals and electronic signatures (F6, F14) through the REST API: re-authentication,
 * meanings, binding, locks.
 */
@PraxIntegrationTest
class ApprovalApiTests {

	@LocalServerPort
	int port;

	@Autowired
	Onboarding onboarding;

	@Autowired
	UserLifecycle identity;

	@Autowired
	ApplicationContext context;

	Api api;

	TestTenant tenant;

	String admin;

	UserAccount reviewer;

	String reviewerToken;

	UserAccount manager;

	String managerToken;

	String customerId;

	@BeforeEach
	void tenantWithReviewerAndManager() {
		api = new Api(port);
		tenant = Tenants.newTenant(onboarding);
		admin = api.login(tenant.slug(), tenant.adminEmail(), Tenants.PASSWORD).access();
		reviewer = Tenants.newUser(identity, tenant, Tier.EMPLOYEE, List.of("REVIEWER"), null);
		reviewerToken = api.login(tenant.slug(), reviewer.email(), Tenants.PASSWORD).access();
		manager = Tenants.newUser(identity, tenant, Tier.EMPLOYEE, List.of("MANAGER"), null);
		managerToken = api.login(tenant.slug(), manager.email(), Tenants.PASSWORD).access();
		assertThat(api.send("PUT", "/api/v1/admin/company", company(), admin).status()).isEqualTo(200);
		customerId = buyer(api, admin, "Buyer AG");
	}

	/** A customer with a billing address, so that invoices to it can be issued. */
	static String buyer(Api api, String token, String name) {
		return api
			.post("/api/v1/customers",
					Map.of("name", name, "billingAddress",
							Map.of("line1", "7 Buyer Road", "postalCode", "80331", "city", "Munich", "country", "DE")),
					token)
			.text("id");
	}

	static Map<String, Object> company() {
		return Map.of("name", "Seller GmbH", "address",
				Map.of("line1", "1 Seller Street", "postalCode", "10115", "city", "Berlin", "country", "DE"), "taxId",
				"DE999999999", "defaultCurrency", "EUR", "paymentTermsDays", 14, "invoiceNumberPrefix", "");
	}

	String draft() {
		var created = api.post("/api/v1/invoices",
				Map.of("customerId", customerId, "currency", "EUR", "dueDate", "2099-12-31", "lines", List.of(Map
					.of("description", "Consulting", "quantity", "10", "unitPrice", "120.00", "taxRate", "0.19"))),
				admin);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.text("id");
	}

	@Test
	void submittingFreezesTheVersionAndAnApprovedInvoiceCanBeIssued() {
		workflow(api, admin, "invoice", reviewThenApprove());
		String invoice = draft();
		var submitted = api.post("/api/v1/approvals", Map.of("recordType", "invoice", "recordId", invoice), admin);
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
		JsonNode approval = submitted.json();
		assertThat(approval.get("status").asString()).isEqualTo("PENDING");
		assertThat(approval.get("recordSha256").asString()).matches("[0-9a-f]{64}");
		assertThat(approval.get("steps")).hasSize(2);
		String id = approval.get("id").asString();

		var early = api.post("/api/v1/invoices/" + invoice + "/issue", null, admin);
		assertThat(early.status()).isEqualTo(409);
		assertThat(early.code()).isEqualTo("approval_required");
		var edit = api.patch("/api/v1/invoices/" + invoice, Map.of("notes", "changed", "version", 0), admin);
		assertThat(edit.status()).isEqualTo(423);
		assertThat(edit.code()).isEqualTo("record_locked");

		// ordered: the manager cannot approve before the review
		assertThat(sign(api, managerToken, id, Tenants.PASSWORD, "APPROVED").code()).isEqualTo("not_a_signer");
		var reviewed = sign(api, reviewerToken, id, Tenants.PASSWORD, "REVIEWED");
		assertThat(reviewed.status()).as(reviewed.body()).isEqualTo(201);
		JsonNode signature = reviewed.json();
		assertThat(signature.get("signerId").asString()).isEqualTo(reviewer.id().value().toString());
		assertThat(signature.get("signerName").asString()).isEqualTo(reviewer.name());
		assertThat(signature.get("meaning").asString()).isEqualTo("REVIEWED");
		assertThat(signature.get("comment").asString()).isEqualTo("Checked against the order");
		assertThat(signature.get("recordSha256").asString()).isEqualTo(approval.get("recordSha256").asString());
		assertThat(signature.get("signedAt").asString()).endsWith("Z");
		assertThat(api.post("/api/v1/invoices/" + invoice + "/issue", null, admin).code())
			.isEqualTo("approval_required");

		var approved = sign(api, managerToken, id, Tenants.PASSWORD, "APPROVED");
		assertThat(approved.status()).as(approved.body()).isEqualTo(201);
		assertThat(api.get("/api/v1/approvals/" + id, admin).text("status")).isEqualTo("APPROVED");
		assertThat(api.post("/api/v1/invoices/" + invoice + "/issue", null, admin).status()).isEqualTo(200);

		var events = api.get("/api/v1/audit?action=approval.signed", admin).json().get("items");
		assertThat(events).hasSize(2);
		assertThat(events.get(0).get("changes").get("recordSha256").asString())
			.isEqualTo(approval.get("recordSha256").asString());
		assertThat(api.get("/api/v1/audit/verify", admin).json().get("valid").asBoolean()).isTrue();
	}

	@Test
	void theSubmitterCannotSignUnlessTheWorkflowAllowsIt() {
		workflow(api, admin, "invoice", Map.of("name", "Approval", "steps", List.of(step("Approval", 1, List.of()))));
		String id = submit(api, admin, "invoice", draft());
		var own = sign(api, admin, id, Tenants.PASSWORD, "APPROVED");
		assertThat(own.status()).isEqualTo(403);
		assertThat(own.code()).isEqualTo("own_submission");

		workflow(api, admin, "payroll_run",
				Map.of("name", "Self", "selfApproval", true, "steps", List.of(step("Approval", 1, List.of()))));
		var run = api.post("/api/v1/payroll-runs", Map.of("periodStart", "2026-03-01", "periodEnd", "2026-03-31"),
				admin);
		String self = submit(api, admin, "payroll_run", run.text("id"));
		assertThat(sign(api, admin, self, Tenants.PASSWORD, "APPROVED").status()).isEqualTo(201);
	}

	@Test
	void aSignatureWithoutPasswordIsRefusedAndWritesNothing() throws Exception {
		String id = pendingInvoiceApproval();
		long eventsBefore = auditCount();
		var missing = api.post("/api/v1/approvals/" + id + "/signatures", signature("", "REVIEWED"), reviewerToken);
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.code()).isEqualTo("validation_failed");
		assertThat(missing.json().get("errors").has("password")).isTrue();
		assertNothingWritten(id, eventsBefore);
	}

	@Test
	void aMeaningOutsideTheVocabularyIsRefusedAndWritesNothing() throws Exception {
		String id = pendingInvoiceApproval();
		long eventsBefore = auditCount();
		var unknownMeaning = sign(api, reviewerToken, id, Tenants.PASSWORD, "LOOKED_AT");
		assertThat(unknownMeaning.status()).isEqualTo(400);
		assertThat(unknownMeaning.code()).isEqualTo("validation_failed");
		assertThat(unknownMeaning.json().get("errors").has("meaning")).isTrue();
		assertNothingWritten(id, eventsBefore);
	}

	@Test
	void aWrongPasswordIsRefusedAndWritesNoSignature() throws Exception {
		String id = pendingInvoiceApproval();
		var wrong = sign(api, reviewerToken, id, "not the password at all", "REVIEWED");
		assertThat(wrong.status()).isEqualTo(401);
		assertThat(wrong.code()).isEqualTo("invalid_credentials");
		assertThat(signatureCount(id)).isZero();
		assertUnchanged(id);
	}

	@Test
	void aWrongOrMissingCodeOfAnEnrolledSignerIsRefusedAndWritesNoSignature() throws Exception {
		String id = pendingInvoiceApproval();
		enrolTotp(api, reviewerToken, tenant.slug(), reviewer.email());
		Map<String, Object> badCode = signature(Tenants.PASSWORD, "REVIEWED");
		badCode.put("totpCode",
				"000000".equals(Authenticator.nextCode(tenant.slug(), reviewer.email())) ? "111111" : "000000");
		var wrongCode = api.post("/api/v1/approvals/" + id + "/signatures", badCode, reviewerToken);
		assertThat(wrongCode.status()).isEqualTo(401);
		assertThat(wrongCode.code()).isEqualTo("invalid_credentials");
		var noCode = sign(api, reviewerToken, id, Tenants.PASSWORD, "REVIEWED");
		assertThat(noCode.status()).as("enrolled: the code is needed every time").isEqualTo(401);
		assertThat(signatureCount(id)).isZero();
		assertUnchanged(id);

		Map<String, Object> good = signature(Tenants.PASSWORD, "REVIEWED");
		good.put("totpCode", Authenticator.nextCode(tenant.slug(), reviewer.email()));
		assertThat(api.post("/api/v1/approvals/" + id + "/signatures", good, reviewerToken).status()).isEqualTo(201);
	}

	private String pendingInvoiceApproval() {
		workflow(api, admin, "invoice", reviewThenApprove());
		return submit(api, admin, "invoice", draft());
	}

	private void assertNothingWritten(String id, long eventsBefore) throws Exception {
		assertThat(auditCount()).as("nothing written for bad input").isEqualTo(eventsBefore);
		assertThat(signatureCount(id)).isZero();
		assertUnchanged(id);
	}

	private void assertUnchanged(String id) {
		JsonNode approval = api.get("/api/v1/approvals/" + id, admin).json();
		assertThat(approval.get("status").asString()).isEqualTo("PENDING");
		assertThat(approval.get("version").asLong()).isZero();
	}

	@Test
	void failedSignatureAttemptsLockTheAccountLikeFailedSignInsAndAreReportedToAdmins() throws Exception {
		workflow(api, admin, "invoice", reviewThenApprove());
		String id = submit(api, admin, "invoice", draft());
		// a wrong password at sign-in answers 401 while the account is not locked
		assertThat(api
			.post("/api/v1/auth/login", Map.of("tenant", tenant.slug(), "email", reviewer.email(), "password",
					"wrong password here", "rememberMe", false), null)
			.status()).isEqualTo(401);
		for (int i = 0; i < 4; i++) {
			assertThat(sign(api, reviewerToken, id, "wrong password " + i, "REVIEWED").status()).isEqualTo(401);
		}
		var locked = sign(api, reviewerToken, id, Tenants.PASSWORD, "REVIEWED");
		assertThat(locked.status()).as("five failures lock the account; even the right password is refused")
			.isEqualTo(429);
		assertThat(locked.code()).isEqualTo("too_many_attempts");
		var signIn = api.post("/api/v1/auth/login", Map.of("tenant", tenant.slug(), "email", reviewer.email(),
				"password", "wrong password again", "rememberMe", false), null);
		assertThat(signIn.status()).as("the sign-in counts the same failures").isEqualTo(429);
		assertThat(signatureCount(id)).isZero();

		var failures = api.get("/api/v1/audit?action=auth.sign_in_failed", admin).json().get("items");
		assertThat(failures.toString()).contains("signature_wrong_password");
		try (Connection c = DatabaseSuperuser.connect(context);
				PreparedStatement notices = c.prepareStatement(
						"select count(*) from approval_notice where tenant_id = ?::uuid and approval_id = ?::uuid");
				PreparedStatement mails = c.prepareStatement(
						"select count(*) from mail_outbox where tenant_id = ?::uuid and recipient = ? and subject like '%signature%'")) {
			notices.setString(1, tenant.id().value().toString());
			notices.setString(2, id);
			assertThat(count(notices)).isEqualTo(5);
			mails.setString(1, tenant.id().value().toString());
			mails.setString(2, tenant.adminEmail());
			assertThat(count(mails)).isEqualTo(5);
		}
		assertThat(api.page("/approvals", admin).body()).contains("Security notices",
				reviewer.email() + ") tried to sign");
		assertThat(api.page("/approvals", managerToken).body()).doesNotContain("Security notices");
	}

	@Test
	void verifyDetectsASignedRecordChangedInTheDatabase() throws Exception {
		workflow(api, admin, "invoice", reviewThenApprove());
		String invoice = draft();
		String id = submit(api, admin, "invoice", invoice);
		sign(api, reviewerToken, id, Tenants.PASSWORD, "REVIEWED");
		sign(api, managerToken, id, Tenants.PASSWORD, "APPROVED");
		assertThat(api.get("/api/v1/audit/verify", admin).json().get("valid").asBoolean()).isTrue();

		try (Connection c = DatabaseSuperuser.connect(context);
				PreparedStatement update = c
					.prepareStatement("update invoice set notes = 'pay to another account' " + "where id = ?::uuid")) {
			update.setString(1, invoice);
			assertThat(update.executeUpdate()).isEqualTo(1);
		}
		JsonNode verification = api.get("/api/v1/audit/verify", admin).json();
		assertThat(verification.get("valid").asBoolean()).isFalse();
		assertThat(verification.get("problem").asString()).isEqualTo("signed_record_changed");
		assertThat(verification.get("recordProblems").get(0).get("entityId").asString()).isEqualTo(invoice);
		assertThat(api.page("/audit/verify", admin).body()).contains("data-verification=\"invalid\"",
				"signed_record_changed: invoice " + invoice);
	}

	@Test
	void verifyDetectsASignatureCopiedToAnotherRecord() throws Exception {
		workflow(api, admin, "invoice", reviewThenApprove());
		String first = submit(api, admin, "invoice", draft());
		String otherInvoice = draft();
		String second = submit(api, admin, "invoice", otherInvoice);
		sign(api, reviewerToken, first, Tenants.PASSWORD, "REVIEWED");
		assertThat(api.get("/api/v1/audit/verify", admin).json().get("valid").asBoolean()).isTrue();
		String secondSha = api.get("/api/v1/approvals/" + second, admin).text("recordSha256");

		try (Connection c = DatabaseSuperuser.connect(context)) {
			SignatureRow original;
			try (PreparedStatement read = c
				.prepareStatement("select * from approval_signature where approval_id = ?::uuid")) {
				read.setString(1, first);
				try (ResultSet rs = read.executeQuery()) {
					assertThat(rs.next()).isTrue();
					original = new SignatureRow(rs.getObject("id", UUID.class), rs.getObject("approval_id", UUID.class),
							rs.getString("record_type"), rs.getObject("record_id", UUID.class),
							rs.getString("record_sha256"), rs.getInt("step_index"), rs.getString("step_name"),
							rs.getObject("signer_id", UUID.class), rs.getString("signer_name"),
							rs.getTimestamp("signed_at").toInstant(), rs.getString("meaning"),
							rs.getString("meaning_label"), rs.getString("comment"), rs.getString("binding_sha256"));
				}
			}
			// the copy names the other record and its version, with a binding recomputed
			// to match
			SignatureRow moved = new SignatureRow(UUID.randomUUID(), UUID.fromString(second), "invoice",
					UUID.fromString(otherInvoice), secondSha, original.stepIndex(), original.stepName(),
					original.signerId(), original.signerName(), original.signedAt(), original.meaning(),
					original.meaningLabel(), original.comment(), "");
			String binding = moved.binding();
			try (PreparedStatement copy = c
				.prepareStatement("insert into approval_signature (tenant_id, id, approval_id, "
						+ "record_type, record_id, record_sha256, step_index, step_name, signer_id, signer_name, signed_at, "
						+ "meaning, meaning_label, comment, binding_sha256) select tenant_id, ?::uuid, ?::uuid, record_type, "
						+ "?::uuid, ?, step_index, step_name, signer_id, signer_name, signed_at, meaning, meaning_label, comment, ? "
						+ "from approval_signature where id = ?::uuid")) {
				copy.setString(1, moved.id().toString());
				copy.setString(2, second);
				copy.setString(3, otherInvoice);
				copy.setString(4, secondSha);
				copy.setString(5, binding);
				copy.setString(6, original.id().toString());
				assertThat(copy.executeUpdate()).isEqualTo(1);
			}
			// a copy that keeps the original's record is refused by the foreign key
			// outright
			try (PreparedStatement bad = c
				.prepareStatement("insert into approval_signature select tenant_id, gen_random_uuid(), "
						+ "?::uuid, record_type, record_id, record_sha256, step_index + 1, step_name, signer_id, signer_name, "
						+ "signed_at, meaning, meaning_label, comment, binding_sha256 from approval_signature where id = ?::uuid")) {
				bad.setString(1, second);
				bad.setString(2, original.id().toString());
				org.assertj.core.api.Assertions.assertThatThrownBy(bad::executeUpdate)
					.hasMessageContaining("foreign key");
			}
		}
		JsonNode verification = api.get("/api/v1/audit/verify", admin).json();
		assertThat(verification.get("valid").asBoolean()).isFalse();
		assertThat(verification.get("problem").asString()).isEqualTo("signature_not_recorded");
		// and the second approval does not count the copied signature toward anything the
		// chain vouches for
	}

	@Test
	void signaturesCannotBeChangedOrDeletedEvenByTheOwner() throws Exception {
		workflow(api, admin, "invoice", reviewThenApprove());
		String id = submit(api, admin, "invoice", draft());
		sign(api, reviewerToken, id, Tenants.PASSWORD, "REVIEWED");
		try (Connection c = DatabaseSuperuser.connect(context)) {
			try (PreparedStatement update = c
				.prepareStatement("update approval_signature set meaning = 'APPROVED' where approval_id = ?::uuid")) {
				update.setString(1, id);
				org.assertj.core.api.Assertions.assertThatThrownBy(update::executeUpdate)
					.hasMessageContaining("append-only");
			}
			try (PreparedStatement delete = c
				.prepareStatement("delete from approval_signature where approval_id = ?::uuid")) {
				delete.setString(1, id);
				org.assertj.core.api.Assertions.assertThatThrownBy(delete::executeUpdate)
					.hasMessageContaining("append-only");
			}
			try (PreparedStatement grants = c
				.prepareStatement("select has_table_privilege(?, 'approval_signature', 'UPDATE') "
						+ "or has_table_privilege(?, 'approval_signature', 'DELETE')")) {
				grants.setString(1, DatabaseSuperuser.appRole(context));
				grants.setString(2, DatabaseSuperuser.appRole(context));
				try (ResultSet rs = grants.executeQuery()) {
					rs.next();
					assertThat(rs.getBoolean(1)).isFalse();
				}
			}
		}
		assertThat(signatureCount(id)).isEqualTo(1);
	}

	@Test
	void eightParallelSignaturesOfOneStepBySameSignerLeaveOne() throws Exception {
		workflow(api, admin, "invoice",
				Map.of("name", "Two approvers", "steps", List.of(step("Approval", 2, List.of()))));
		String id = submit(api, admin, "invoice", draft());
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<Api.Response>> answers = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				answers.add(pool.submit(() -> sign(api, reviewerToken, id, Tenants.PASSWORD, "APPROVED")));
			}
			int created = 0;
			for (Future<Api.Response> answer : answers) {
				Api.Response response = answer.get(60, TimeUnit.SECONDS);
				if (response.status() == 201) {
					created++;
				}
				else {
					assertThat(response.code()).as(response.body()).isIn("already_signed", "too_many_attempts", "busy");
				}
			}
			assertThat(created).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(signatureCount(id)).isEqualTo(1);
		assertThat(api.get("/api/v1/approvals/" + id, admin).text("status")).isEqualTo("PENDING");
	}

	@Autowired
	ApprovalManagement management;

	/**
	 * The same race without the password hashing in front (which spreads HTTP requests
	 * out in time): eight transactions recording the same signer's signature of the same
	 * step at once.
	 */
	@Test
	void eightConcurrentRecordingsOfOneStepBySameSignerLeaveOne() throws Exception {
		workflow(api, admin, "invoice",
				Map.of("name", "Two approvers", "steps", List.of(step("Approval", 2, List.of()))));
		String id = submit(api, admin, "invoice", draft());
		io.prax.identity.CurrentUser me = new io.prax.identity.CurrentUser(reviewer.id(), tenant.id(),
				UUID.randomUUID(), Tier.EMPLOYEE, List.of("REVIEWER"), null, reviewer.name(), reviewer.email(),
				tenant.slug(), "Tenant");
		java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(8);
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<String>> answers = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				answers.add(pool.submit(() -> {
					org.springframework.security.core.context.SecurityContextHolder.getContext()
						.setAuthentication(
								new org.springframework.security.authentication.TestingAuthenticationToken(me, null));
					start.await(30, TimeUnit.SECONDS);
					return io.prax.tenancy.TenantContext.call(tenant.id(), () -> {
						try {
							management.recordSigned(new ApprovalId(UUID.fromString(id)),
									new Meaning("APPROVED", "Approved", false), null, reviewer);
							return "created";
						}
						catch (io.prax.platform.ProblemException refused) {
							return refused.code();
						}
					});
				}));
			}
			List<String> codes = new ArrayList<>();
			for (Future<String> answer : answers) {
				codes.add(answer.get(60, TimeUnit.SECONDS));
			}
			assertThat(codes).containsOnly("created", "already_signed");
			assertThat(codes.stream().filter("created"::equals).count()).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(signatureCount(id)).isEqualTo(1);
	}

	@Test
	void aRejectionEndsTheApprovalAndTheRecordCanBeChangedAndSubmittedAgain() {
		workflow(api, admin, "invoice", reviewThenApprove());
		String invoice = draft();
		String id = submit(api, admin, "invoice", invoice);
		assertThat(sign(api, reviewerToken, id, Tenants.PASSWORD, "REJECTED").status()).isEqualTo(201);
		assertThat(api.get("/api/v1/approvals/" + id, admin).text("status")).isEqualTo("REJECTED");
		assertThat(sign(api, managerToken, id, Tenants.PASSWORD, "APPROVED").code()).isEqualTo("approval_closed");
		assertThat(api.post("/api/v1/invoices/" + invoice + "/issue", null, admin).code())
			.isEqualTo("approval_required");
		var edit = api.patch("/api/v1/invoices/" + invoice, Map.of("notes", "fixed", "version", 0), admin);
		assertThat(edit.status()).as(edit.body()).isEqualTo(200);
		String again = submit(api, admin, "invoice", invoice);
		assertThat(again).isNotEqualTo(id);
		assertThat(api.get("/api/v1/audit/verify", admin).json().get("valid").asBoolean()).isTrue();
	}

	@Test
	void aPayrollRunWhoseTypeRequiresApprovalIsFinalizedOnlyAfterIt() {
		workflow(api, admin, "payroll_run",
				Map.of("name", "Payroll approval", "steps", List.of(step("Approval", 1, List.of("MANAGER")))));
		var run = api.post("/api/v1/payroll-runs", Map.of("periodStart", "2026-04-01", "periodEnd", "2026-04-30"),
				admin);
		String runId = run.text("id");
		var early = api.post("/api/v1/payroll-runs/" + runId + "/finalize", null, admin);
		assertThat(early.status()).isEqualTo(409);
		assertThat(early.code()).isEqualTo("approval_required");
		String id = submit(api, admin, "payroll_run", runId);
		assertThat(sign(api, managerToken, id, Tenants.PASSWORD, "APPROVED").status()).isEqualTo(201);
		var finalized = api.post("/api/v1/payroll-runs/" + runId + "/finalize", null, admin);
		assertThat(finalized.status()).as(finalized.body()).isEqualTo(200);
		assertThat(api.get("/api/v1/audit/verify", admin).json().get("valid").asBoolean()).isTrue();
	}

	@Test
	void meaningsAreTheTenantsVocabulary() {
		var meanings = api.get("/api/v1/approvals/meanings", reviewerToken);
		assertThat(meanings.status()).isEqualTo(200);
		assertThat(meanings.json().get("items").toString()).contains("REVIEWED", "APPROVED", "REJECTED");
		var changed = api.send("PUT", "/api/v1/approvals/meanings",
				Map.of("meanings", List.of(Map.of("code", "RELEASED", "label", "Released for payment"),
						Map.of("code", "REFUSED", "label", "Refused", "rejects", true))),
				admin);
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		assertThat(api.send("PUT", "/api/v1/approvals/meanings", Map.of("meanings", List.of()), reviewerToken).status())
			.isEqualTo(403);
		workflow(api, admin, "invoice", reviewThenApprove());
		String id = submit(api, admin, "invoice", draft());
		assertThat(sign(api, reviewerToken, id, Tenants.PASSWORD, "REVIEWED").code()).isEqualTo("validation_failed");
		var released = sign(api, reviewerToken, id, Tenants.PASSWORD, "RELEASED");
		assertThat(released.status()).isEqualTo(201);
		assertThat(released.text("meaningLabel")).isEqualTo("Released for payment");
	}

	@Test
	void approvalsOfAnotherTenantAreNotFound() {
		workflow(api, admin, "invoice", reviewThenApprove());
		String id = submit(api, admin, "invoice", draft());
		TestTenant other = Tenants.newTenant(onboarding);
		String stranger = api.login(other.slug(), other.adminEmail(), Tenants.PASSWORD).access();
		assertThat(api.get("/api/v1/approvals/" + id, stranger).status()).isEqualTo(404);
		assertThat(sign(api, stranger, id, Tenants.PASSWORD, "APPROVED").status()).isEqualTo(404);
		assertThat(api.get("/api/v1/approvals", stranger).json().get("items")).isEmpty();
	}

	@Autowired
	javax.sql.DataSource dataSource;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate transactions;

	@Test
	void rowLevelSecurityKeepsApprovalsAndSignaturesInTheirTenant() {
		workflow(api, admin, "invoice", reviewThenApprove());
		String id = submit(api, admin, "invoice", draft());
		sign(api, reviewerToken, id, Tenants.PASSWORD, "REVIEWED");
		var jdbc = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
		TestTenant other = Tenants.newTenant(onboarding);
		for (String table : List.of("approval", "approval_signature", "approval_workflow", "approval_notice")) {
			Integer own = io.prax.tenancy.TenantContext.call(tenant.id(),
					() -> transactions
						.execute(status -> jdbc.queryForObject("select count(*) from " + table + " where tenant_id = ?",
								Integer.class, tenant.id().value())));
			Integer seen = io.prax.tenancy.TenantContext.call(other.id(), () -> transactions
				.execute(status -> jdbc.queryForObject("select count(*) from " + table, Integer.class)));
			Integer none = transactions
				.execute(status -> jdbc.queryForObject("select count(*) from " + table, Integer.class));
			assertThat(seen).as(table + " from another tenant").isZero();
			assertThat(none).as(table + " without a tenant").isZero();
			if (!table.equals("approval_notice")) {
				assertThat(own).as(table + " in its tenant").isPositive();
			}
		}
	}

	@Test
	void theInboxListsWhatWaitsForTheCaller() {
		workflow(api, admin, "invoice", reviewThenApprove());
		String id = submit(api, admin, "invoice", draft());
		assertThat(api.get("/api/v1/approvals?waiting=me", reviewerToken).json().get("items").toString()).contains(id);
		assertThat(api.get("/api/v1/approvals?waiting=me", managerToken).json().get("items")).isEmpty();
		sign(api, reviewerToken, id, Tenants.PASSWORD, "REVIEWED");
		assertThat(api.get("/api/v1/approvals?waiting=me", reviewerToken).json().get("items")).isEmpty();
		assertThat(api.get("/api/v1/approvals?waiting=me", managerToken).json().get("items").toString()).contains(id);
	}

	private long auditCount() throws Exception {
		try (Connection c = DatabaseSuperuser.connect(context);
				PreparedStatement count = c
					.prepareStatement("select count(*) from audit_event where tenant_id = ?::uuid")) {
			count.setString(1, tenant.id().value().toString());
			return count(count);
		}
	}

	private long signatureCount(String approval) throws Exception {
		try (Connection c = DatabaseSuperuser.connect(context);
				PreparedStatement count = c
					.prepareStatement("select count(*) from approval_signature where approval_id = ?::uuid")) {
			count.setString(1, approval);
			return count(count);
		}
	}

	private static long count(PreparedStatement statement) throws Exception {
		try (ResultSet rs = statement.executeQuery()) {
			rs.next();
			return rs.getLong(1);
		}
	}

	static String sha(String json) {
		return CanonicalJson.sha256(json);
	}

}
