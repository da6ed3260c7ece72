package io.prax.identity;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface BackupCodes extends JpaRepository<BackupCode, String> {

	/** Uses the code if nobody did first: 1 for exactly one caller. */
	@Modifying
	@Query("update BackupCode c set c.usedAt = :now where c.codeHash = :codeHash and c.userId = :userId "
			+ "and c.usedAt is null")
	int use(String codeHash, UUID userId, Instant now);

	@Query("select count(c) from BackupCode c where c.userId = :userId and c.usedAt is null")
	long countUnused(UUID userId);

	@Modifying
	@Query("delete from BackupCode c where c.userId = :userId")
	int deleteAllOf(UUID userId);

}
