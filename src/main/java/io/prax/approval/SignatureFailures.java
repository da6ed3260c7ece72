package io.prax.approval;

import java.time.Clock;
import java.time.Instant;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.prax.identity.CurrentUser;
import io.prax.identity.UserDirectory;
import io.prax.identity.Tier;
import io.prax.identity.UserAccount;
import io.prax.identity.UserStatus;
import io.prax.mail.MailOutbox;
import io.prax.platform.Ids;
import io.prax.platform.PraxProperties;
import io.prax.tenancy.TenantContext;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Failed signature attempts are reported to the tenant's administrators at once (21 CFR
 * 11.300(d)): a notice shown in the UI and a mail through the outbox to every active
 * administrator, in a transaction of their own (the refused request writes nothing else).
 */
@Component
class SignatureFailures {

	/** A notice for the administrators. */
	record Notice(UUID id, String kind, @Nullable UUID userId, @Nullable String userName, @Nullable UUID approvalId,
			String detail, Instant occurredAt) {

		public String occurredAtText() {
			return Manifestation.format(occurredAt);
		}
	}

	private final JdbcTemplate jdbc;

	private final UserDirectory identity;

	private final MailOutbox mail;

	private final PraxProperties properties;

	private final TransactionTemplate transactions;

	private final Clock clock;

	SignatureFailures(JdbcTemplate jdbc, UserDirectory identity, MailOutbox mail, PraxProperties properties,
			TransactionTemplate transactions, Clock clock) {
		this.jdbc = jdbc;
		this.identity = identity;
		this.mail = mail;
		this.properties = properties;
		this.transactions = transactions;
		this.clock = clock;
	}

	void report(ApprovalId approval, String code) {
		CurrentUser me = CurrentUser.require();
		Instant now = Instant.now(clock);
		String why = "too_many_attempts".equals(code) || "rate_limited".equals(code)
				? "while the account is locked after repeated failures" : "with a wrong password or code";
		String detail = me.name() + " (" + me.email() + ") tried to sign approval " + approval.value() + " " + why
				+ ".";
		transactions.executeWithoutResult(status -> {
			jdbc.update(
					"insert into approval_notice (tenant_id, id, kind, user_id, user_name, approval_id, detail, occurred_at) "
							+ "values (?, ?, ?, ?, ?, ?, ?, ?)",
					TenantContext.require().value(), Ids.newId(), "signature_failed", me.id().value(), me.name(),
					approval.value(), detail, Timestamp.from(now));
			for (UserAccount admin : identity.list()) {
				if (admin.tier() == Tier.ADMIN && admin.status() == UserStatus.ACTIVE) {
					mail.enqueue(admin.email(), "Prax: failed electronic signature attempt",
							"approval/mail-signature-failed",
							Map.of("workspace", me.tenantName(), "detail", detail, "time", Manifestation.format(now),
									"link", properties.publicUrl() + "/approvals/" + approval.value()));
				}
			}
		});
	}

	/** The latest notices, newest first. */
	List<Notice> latest(int howMany) {
		return transactions.execute(status -> jdbc.query(
				"select id, kind, user_id, user_name, approval_id, detail, occurred_at "
						+ "from approval_notice order by occurred_at desc, id desc limit ?",
				(rs, i) -> new Notice(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
						rs.getString(4), rs.getObject(5, UUID.class), rs.getString(6), rs.getTimestamp(7).toInstant()),
				howMany));
	}

}
