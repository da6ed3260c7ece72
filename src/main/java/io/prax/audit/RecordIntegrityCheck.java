package io.prax.audit;

import java.util.List;

/**
 * Implemented by a module whose records carry integrity bindings beyond the chain
 * (electronic signatures bound to a record version): {@code GET /api/v1/audit/verify}
 * runs every check in its own read-only snapshot and reports what they find, so one
 * verification covers both.
 */
public interface RecordIntegrityCheck {

	/**
	 * What is wrong in the current tenant's records; empty when everything is bound as
	 * recorded.
	 */
	List<IntegrityProblem> problems();

}
