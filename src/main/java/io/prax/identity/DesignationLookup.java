package io.prax.identity;

import java.util.Optional;
import java.util.UUID;

/**
 * The designation (job title) of a user, which the access module keeps; identity asks
 * through this so it need not depend on access.
 */
public interface DesignationLookup {

	Optional<Designated> designationOf(UserId user);

	record Designated(UUID id, String name) {
	}

}
