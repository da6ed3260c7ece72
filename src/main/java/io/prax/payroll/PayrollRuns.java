package io.prax.payroll;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Live runs only: deleted rows are filtered by the entity's {@code @SQLRestriction}. */
interface PayrollRuns extends JpaRepository<PayrollRun, UUID> {

	@Query("select count(r) > 0 from PayrollRun r where r.periodStart = :start and r.periodEnd = :end")
	boolean existsFor(LocalDate start, LocalDate end);

	@Query("select r from PayrollRun r order by r.periodStart desc, r.id desc")
	List<PayrollRun> newest(Limit limit);

	@Query("select r from PayrollRun r where (r.periodStart < :start or (r.periodStart = :start and r.id < :id)) "
			+ "order by r.periodStart desc, r.id desc")
	List<PayrollRun> newestAfter(LocalDate start, UUID id, Limit limit);

	@Query("select r from PayrollRun r where r.status = io.prax.payroll.PayrollRunStatus.FINALIZED "
			+ "order by r.periodStart desc, r.id desc")
	List<PayrollRun> lastFinalized(Limit limit);

}
