package io.prax.approval;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** Live workflows only (the entity's {@code @SQLRestriction}). */
interface ApprovalWorkflows extends JpaRepository<ApprovalWorkflow, UUID> {

	Optional<ApprovalWorkflow> findByRecordType(String recordType);

	List<ApprovalWorkflow> findAllByOrderByRecordTypeAsc();

}
