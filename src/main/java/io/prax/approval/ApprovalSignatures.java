package io.prax.approval;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import io.prax.tenancy.TenantContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The append-only signature table, written with plain inserts: the database refuses
 * updates and deletes for everyone (a trigger), and the application role holds neither
 * grant.
 */
@Component
class ApprovalSignatures {

	private static final String COLUMNS = "id, approval_id, record_type, record_id, record_sha256, step_index, step_name, "
			+ "signer_id, signer_name, signed_at, meaning, meaning_label, comment, binding_sha256";

	private final JdbcTemplate jdbc;

	ApprovalSignatures(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Inside the signing transaction; a second signature of the same step by the same
	 * signer violates a unique key.
	 */
	void insert(SignatureRow row) {
		jdbc.update(
				"insert into approval_signature (tenant_id, " + COLUMNS
						+ ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				TenantContext.require().value(), row.id(), row.approvalId(), row.recordType(), row.recordId(),
				row.recordSha256(), row.stepIndex(), row.stepName(), row.signerId(), row.signerName(),
				Timestamp.from(row.signedAt()), row.meaning(), row.meaningLabel(), row.comment(), row.bindingSha256());
	}

	List<SignatureRow> of(UUID approval) {
		return jdbc.query("select " + COLUMNS + " from approval_signature where approval_id = ? order by signed_at, id",
				(rs, i) -> row(rs), approval);
	}

	List<SignatureRow> ofAll(Collection<UUID> approvals) {
		if (approvals.isEmpty()) {
			return List.of();
		}
		return jdbc.query(
				"select " + COLUMNS + " from approval_signature where approval_id = any(?) order by signed_at, id",
				(rs, i) -> row(rs), (Object) approvals.toArray(UUID[]::new));
	}

	/** Every signature of the tenant, for the integrity check. */
	void each(java.util.function.Consumer<SignatureRow> consumer) {
		jdbc.query("select " + COLUMNS + " from approval_signature order by signed_at, id", rs -> {
			consumer.accept(row(rs));
		});
	}

	private static SignatureRow row(ResultSet rs) throws SQLException {
		return new SignatureRow(rs.getObject("id", UUID.class), rs.getObject("approval_id", UUID.class),
				rs.getString("record_type"), rs.getObject("record_id", UUID.class), rs.getString("record_sha256"),
				rs.getInt("step_index"), rs.getString("step_name"), rs.getObject("signer_id", UUID.class),
				rs.getString("signer_name"), rs.getTimestamp("signed_at").toInstant(), rs.getString("meaning"),
				rs.getString("meaning_label"), rs.getString("comment"), rs.getString("binding_sha256"));
	}

}
