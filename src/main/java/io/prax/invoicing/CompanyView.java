package io.prax.invoicing;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** The tenant's own company details, printed on its invoices. */
public record CompanyView(String name, PostalAddress address, @Nullable String taxId, @Nullable String email,
		@Nullable String phone, String defaultCurrency, int paymentTermsDays, @Nullable String bankDetails,
		String invoiceNumberPrefix, @Nullable UUID logoDocumentId, long version, @Nullable Instant updatedAt,
		@Nullable UUID updatedBy) {
}
