package io.prax.access;

import java.util.Optional;

import io.prax.identity.DesignationLookup;
import io.prax.identity.UserId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers identity's question for a user's designation from the access facts kept here.
 */
@Component
class UserDesignations implements DesignationLookup {

	private final UserAccesses userAccesses;

	private final Designations designations;

	UserDesignations(UserAccesses userAccesses, Designations designations) {
		this.userAccesses = userAccesses;
		this.designations = designations;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Designated> designationOf(UserId user) {
		return userAccesses.findById(user.value())
			.map(UserAccess::designationId)
			.flatMap(designations::findById)
			.map(d -> new Designated(d.id(), d.name()));
	}

}
