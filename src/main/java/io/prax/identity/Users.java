package io.prax.identity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface Users extends JpaRepository<User, UUID> {

	Optional<User> findByEmail(String email);

	List<User> findAllByOrderByNameAsc();

	/**
	 * The tenant's active administrators, locked until the transaction ends (in id order,
	 * so never a deadlock).
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select u from User u where u.tier = io.prax.identity.Tier.ADMIN and u.status = io.prax.identity.UserStatus.ACTIVE"
			+ " and u.deletedAt is null order by u.id")
	List<User> lockActiveAdmins();

}
