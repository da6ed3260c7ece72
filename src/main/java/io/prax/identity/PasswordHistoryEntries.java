package io.prax.identity;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface PasswordHistoryEntries extends JpaRepository<PasswordHistoryEntry, UUID> {

	/** Newest first. */
	@Query("select e from PasswordHistoryEntry e where e.userId = :userId order by e.createdAt desc, e.id desc")
	List<PasswordHistoryEntry> newestOf(UUID userId);

	@Modifying
	@Query("delete from PasswordHistoryEntry e where e.userId = :userId")
	int deleteAllOf(UUID userId);

}
