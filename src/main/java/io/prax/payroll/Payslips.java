package io.prax.payroll;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Payslips extends JpaRepository<Payslip, UUID> {

	@Query("select p from Payslip p where p.id = :id and p.deletedAt is null")
	Optional<Payslip> findLive(UUID id);

	@Query("select p from Payslip p where p.runId = :runId and p.deletedAt is null order by p.id")
	List<Payslip> findLiveByRun(UUID runId);

	@Query("select count(p) > 0 from Payslip p where p.employeeId = :employeeId and p.periodStart = :start "
			+ "and p.periodEnd = :end and p.correctsId is null and p.deletedAt is null")
	boolean existsRegular(UUID employeeId, LocalDate start, LocalDate end);

	@Query("select p.employeeId from Payslip p where p.periodStart = :start and p.periodEnd = :end "
			+ "and p.correctsId is null and p.deletedAt is null")
	List<UUID> employeesPaidFor(LocalDate start, LocalDate end);

	@Query("select p from Payslip p where p.employeeId = :employeeId and p.deletedAt is null "
			+ "and p.status = io.prax.payroll.PayslipStatus.FINALIZED order by p.periodStart desc, p.id desc")
	List<Payslip> findFinalizedByEmployee(UUID employeeId);

	@Query("select p from Payslip p where p.employeeId = :employeeId and p.deletedAt is null "
			+ "order by p.periodStart desc, p.id desc")
	List<Payslip> findByEmployee(UUID employeeId, Limit limit);

	@Query("select p from Payslip p where p.employeeId = :employeeId and p.deletedAt is null "
			+ "and (p.periodStart < :start or (p.periodStart = :start and p.id < :id)) "
			+ "order by p.periodStart desc, p.id desc")
	List<Payslip> findByEmployeeAfter(UUID employeeId, LocalDate start, UUID id, Limit limit);
}
