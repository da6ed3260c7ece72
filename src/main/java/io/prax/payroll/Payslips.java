package io.prax.payroll;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * Live payslips only: deleted rows are filtered by the entity's {@code @SQLRestriction}.
 */
interface Payslips extends JpaRepository<Payslip, UUID> {

	@Query("select p from Payslip p where p.runId = :runId order by p.id")
	List<Payslip> findByRun(UUID runId);

	@Query("select count(p) > 0 from Payslip p where p.employeeId = :employeeId "
			+ "and p.status = io.prax.payroll.PayslipStatus.DRAFT")
	boolean existsDraftFor(UUID employeeId);

	@Query("select count(p) > 0 from Payslip p where p.employeeId = :employeeId and p.periodStart = :start "
			+ "and p.periodEnd = :end and p.correctsId is null")
	boolean existsRegular(UUID employeeId, LocalDate start, LocalDate end);

	@Query("select p.employeeId from Payslip p where p.periodStart = :start and p.periodEnd = :end "
			+ "and p.correctsId is null")
	List<UUID> employeesPaidFor(LocalDate start, LocalDate end);

	@Query("select p from Payslip p where p.employeeId = :employeeId "
			+ "and p.status = io.prax.payroll.PayslipStatus.FINALIZED order by p.periodStart desc, p.id desc")
	List<Payslip> findFinalizedByEmployee(UUID employeeId);

	@Query("select p from Payslip p where p.employeeId = :employeeId " + "order by p.periodStart desc, p.id desc")
	List<Payslip> findByEmployee(UUID employeeId, Limit limit);

	@Query("select p from Payslip p where p.employeeId = :employeeId "
			+ "and (p.periodStart < :start or (p.periodStart = :start and p.id < :id)) "
			+ "order by p.periodStart desc, p.id desc")
	List<Payslip> findByEmployeeAfter(UUID employeeId, LocalDate start, UUID id, Limit limit);

}
