package io.prax.approval;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface Approvals extends JpaRepository<Approval, UUID> {

	/**
	 * Locked until the transaction ends: signatures of one approval are added one after
	 * the other.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select a from Approval a where a.id = ?1")
	Optional<Approval> lockById(UUID id);

	@Query("select a from Approval a where a.recordType = ?1 and a.recordId = ?2 order by a.submittedAt desc, a.id desc")
	List<Approval> ofRecord(String recordType, UUID recordId);

	@Query("select a from Approval a order by a.id desc")
	List<Approval> newest(Limit limit);

	@Query("select a from Approval a where a.id < ?1 order by a.id desc")
	List<Approval> newestBefore(UUID before, Limit limit);

}
