package io.prax.session;

import java.time.Instant;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface RefreshTokens extends JpaRepository<RefreshToken, String> {

	/**
	 * Marks the token used if nobody did first: 1 for the one caller that wins, 0 for
	 * every other (a parallel caller waits on the row lock, then finds it used).
	 */
	@Modifying
	@Query("update RefreshToken t set t.usedAt = :now where t.tokenHash = :tokenHash and t.usedAt is null")
	int use(String tokenHash, Instant now);

}
