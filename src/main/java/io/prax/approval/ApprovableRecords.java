package io.prax.approval;

import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Implemented by a module whose records can be submitted for approval (invoice, payroll
 * run, document). The content is what is signed: its canonical JSON is frozen at
 * submission and its SHA-256 must still match while the approval stands.
 */
public interface ApprovableRecords {

	/** The {@code recordType} of the API, e.g. {@code invoice}. */
	String recordType();

	/** How the record type is called on pages, e.g. {@code Invoice}. */
	String label();

	/** Whether the record exists, is not deleted, and the current user may see it. */
	boolean visible(UUID id);

	/**
	 * What a signature of the record approves, as JSON (canonicalised by the caller),
	 * whoever asks: the integrity check reads it without the record's view permission.
	 * Empty when the record is gone.
	 */
	Optional<String> content(UUID id);

	/** A short human title, e.g. {@code Invoice draft for ACME AG, 1,234.50 EUR}. */
	String title(UUID id);

	/** The page of the record. */
	String pagePath(UUID id);

	/**
	 * Whether the record may be submitted or signed now (e.g. a draft invoice); 409
	 * ({@code not_submittable}, at signing {@code not_signable}) otherwise, with a
	 * reason.
	 */
	default @Nullable String notSubmittable(UUID id) {
		return null;
	}

	/**
	 * The customer account the record is addressed to, for signing in the portal; none by
	 * default.
	 */
	default @Nullable UUID addressedTo(UUID id) {
		return null;
	}

}
