package io.prax.invoicing;

import io.prax.access.AccessPolicy;
import io.prax.access.Permission;
import io.prax.document.AttachableRecords;
import io.prax.document.RecordRef;
import io.prax.identity.CurrentUser;
import io.prax.tenancy.TenantContext;
import org.springframework.stereotype.Component;

/**
 * Documents of the tenant's own company (record type {@code company}, id the company
 * details' id, which is the tenant's id): its logo. Readable by every signed-in user of
 * the tenant, since the logo is printed on every invoice; listed, uploaded and removed
 * only by those who manage the company details.
 */
@Component
class CompanyDocuments implements AttachableRecords {

	static final String TYPE = "company";

	private final AccessPolicy access;

	CompanyDocuments(AccessPolicy access) {
		this.access = access;
	}

	@Override
	public String recordType() {
		return TYPE;
	}

	@Override
	public boolean visible(RecordRef record) {
		return CurrentUser.current().isPresent()
				&& TenantContext.current().map(tenant -> tenant.value().equals(record.id())).orElse(false);
	}

	@Override
	public boolean listable(RecordRef record) {
		return visible(record) && access.can(Permission.SETTINGS_VIEW);
	}

	@Override
	public boolean changeable(RecordRef record) {
		return visible(record) && access.can(Permission.SETTINGS_EDIT);
	}

	@Override
	public String pagePath(RecordRef record) {
		return "/admin/company";
	}

}
