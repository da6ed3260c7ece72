package io.prax.identity;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface PasswordTokens extends JpaRepository<PasswordToken, String> {

	/**
	 * Uses the link if nobody used it first: 1 for the one caller that wins, 0 for every
	 * other.
	 */
	@Modifying
	@Query("update PasswordToken t set t.usedAt = :now where t.tokenHash = :tokenHash and t.usedAt is null "
			+ "and t.expiresAt > :now")
	int claim(String tokenHash, Instant now);

	/** Ends every outstanding invitation or reset link of the user. */
	@Modifying
	@Query("update PasswordToken t set t.usedAt = :now where t.userId = :userId and t.usedAt is null")
	int endAllOf(UUID userId, Instant now);

}
