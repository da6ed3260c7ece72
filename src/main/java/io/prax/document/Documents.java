package io.prax.document;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Documents extends JpaRepository<Document, UUID> {

	@Query("select d from Document d where d.id = :id")
	Optional<Document> findLive(UUID id);

	@Query("select d from Document d where d.recordType = :type and d.recordId = :recordId " + "order by d.id desc")
	List<Document> firstPage(String type, UUID recordId, Limit limit);

	@Query("select d from Document d where d.recordType = :type and d.recordId = :recordId "
			+ "and d.id < :after order by d.id desc")
	List<Document> pageAfter(String type, UUID recordId, UUID after, Limit limit);

	@Query("select d from Document d order by d.id desc")
	List<Document> newest(Limit limit);

	@Query("select d from Document d where d.id < :after order by d.id desc")
	List<Document> newestAfter(UUID after, Limit limit);

}
