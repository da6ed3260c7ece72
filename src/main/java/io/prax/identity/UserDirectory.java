package io.prax.identity;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the users of the current tenant ({@link io.prax.tenancy.TenantContext}); deleted
 * users are left out.
 */
@Service
public class UserDirectory {

	private final Users users;

	UserDirectory(Users users) {
		this.users = users;
	}

	@Transactional(readOnly = true)
	public Optional<UserAccount> find(UserId id) {
		return users.findById(id.value()).filter(u -> !u.deleted()).map(User::account);
	}

	/** The user with this email; no password is checked. */
	@Transactional(readOnly = true)
	public Optional<UserAccount> findByEmail(String email) {
		return users.findByEmail(IdentityRules.normalize(email)).filter(u -> !u.deleted()).map(User::account);
	}

	/** Every user, by name. */
	@Transactional(readOnly = true)
	public List<UserAccount> list() {
		return users.findAllByOrderByNameAsc().stream().filter(u -> !u.deleted()).map(User::account).toList();
	}

	/**
	 * The tenant's active administrators (tier ADMIN), locked until the caller's
	 * transaction ends, so that two administrators demoting or deactivating each other at
	 * once cannot leave the workspace without one.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<UserAccount> lockActiveAdmins() {
		return users.lockActiveAdmins().stream().map(User::account).toList();
	}

}
