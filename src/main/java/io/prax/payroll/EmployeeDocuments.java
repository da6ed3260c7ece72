package io.prax.payroll;

import io.prax.access.AccessPolicy;
import io.prax.access.Permission;
import io.prax.document.AttachableRecords;
import io.prax.document.RecordRef;
import org.springframework.stereotype.Component;

/** Documents attach to employees, visible exactly to whom the employee record is. */
@Component
class EmployeeDocuments implements AttachableRecords {

	private final EmployeeManagement employees;

	private final AccessPolicy access;

	EmployeeDocuments(EmployeeManagement employees, AccessPolicy access) {
		this.employees = employees;
		this.access = access;
	}

	@Override
	public String recordType() {
		return "employee";
	}

	@Override
	public boolean visible(RecordRef record) {
		return access.can(Permission.EMPLOYEES_VIEW) && employees.isVisible(new EmployeeId(record.id()));
	}

	@Override
	public String pagePath(RecordRef record) {
		return "/employees/" + record.id();
	}

}
