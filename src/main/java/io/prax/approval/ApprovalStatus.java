package io.prax.approval;

/**
 * PENDING until every step is signed (APPROVED) or a signer rejects (REJECTED); both end
 * it.
 */
public enum ApprovalStatus {

	PENDING, APPROVED, REJECTED

}
