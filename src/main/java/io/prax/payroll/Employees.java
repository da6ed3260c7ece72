package io.prax.payroll;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * Live employees only: deleted rows are filtered by the entity's {@code @SQLRestriction}.
 */
interface Employees extends JpaRepository<Employee, UUID> {

	Optional<Employee> findByUserId(UUID userId);

	@Query("select count(e) > 0 from Employee e where lower(e.employeeCode) = lower(:code) " + "and e.id <> :except")
	boolean codeTaken(String code, UUID except);

	@Query("select count(e) > 0 from Employee e where e.userId = :userId and e.id <> :except")
	boolean userLinked(UUID userId, UUID except);

	/** Active employees employed on some day of the period. */
	@Query("select e from Employee e where e.status = io.prax.payroll.EmployeeStatus.ACTIVE "
			+ "and e.hireDate <= :periodEnd and (e.leavingDate is null or e.leavingDate >= :periodStart) "
			+ "order by e.employeeCode, e.id")
	List<Employee> employedDuring(LocalDate periodStart, LocalDate periodEnd);

}
