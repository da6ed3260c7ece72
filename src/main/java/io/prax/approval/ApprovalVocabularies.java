package io.prax.approval;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface ApprovalVocabularies extends JpaRepository<ApprovalVocabulary, UUID> {

	Optional<ApprovalVocabulary> findFirstBy();

}
