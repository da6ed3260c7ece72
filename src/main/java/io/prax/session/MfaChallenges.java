package io.prax.session;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface MfaChallenges extends JpaRepository<MfaChallenge, String> {

	/** The challenge of an {@code mfaToken} while it can still complete a sign-in. */
	default Optional<MfaChallenge> findUsable(String tokenHash, Instant now) {
		return findById(tokenHash).filter(challenge -> challenge.usableAt(now));
	}

	/** Uses the challenge for one sign-in: 1 for exactly one caller, on any node. */
	@Modifying
	@Query("update MfaChallenge c set c.usedAt = :now where c.tokenHash = :tokenHash and c.usedAt is null "
			+ "and c.expiresAt > :now")
	int use(String tokenHash, Instant now);

	@Modifying
	@Query("update MfaChallenge c set c.failures = c.failures + 1 where c.tokenHash = :tokenHash")
	int failed(String tokenHash);

}
