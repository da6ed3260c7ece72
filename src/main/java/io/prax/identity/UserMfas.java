package io.prax.identity;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface UserMfas extends JpaRepository<UserMfa, UUID> {

	/**
	 * Accepts a code's time step if no code of this or a later step was accepted before:
	 * 1 for the one caller that wins, on any node, 0 for every other (a parallel caller
	 * waits on the row lock).
	 */
	@Modifying
	@Query("update UserMfa m set m.lastUsedStep = :step where m.userId = :userId and m.lastUsedStep < :step")
	int useStep(UUID userId, long step);

	/**
	 * Confirms a pending enrolment with the step of its first code; 0 if it was confirmed
	 * already.
	 */
	@Modifying
	@Query("update UserMfa m set m.confirmedAt = :now, m.lastUsedStep = :step where m.userId = :userId "
			+ "and m.confirmedAt is null and m.lastUsedStep < :step")
	int confirm(UUID userId, long step, Instant now);

	@Query("select m.userId from UserMfa m where m.confirmedAt is not null and m.userId in :userIds")
	List<UUID> confirmedAmong(Collection<UUID> userIds);

}
