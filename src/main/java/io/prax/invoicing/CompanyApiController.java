package io.prax.invoicing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.prax.access.Permission;
import io.prax.access.RequiresPermission;
import io.prax.platform.ProblemException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Company", description = "The workspace's own company details, printed on invoices")
@RequestMapping("/api/v1/admin/company")
class CompanyApiController {

	private final CompanyManagement company;

	CompanyApiController(CompanyManagement company) {
		this.company = company;
	}

	@GetMapping
	@Operation(summary = "Get the company details")
	@RequiresPermission(Permission.SETTINGS_VIEW)
	CompanyView get() {
		return company.find().orElseThrow(() -> ProblemException.notFound("Company details"));
	}

	@PutMapping
	@Operation(summary = "Replace the company details")
	@RequiresPermission(Permission.SETTINGS_EDIT)
	CompanyView put(@RequestBody CompanyInput input) {
		return company.replace(input);
	}

}
