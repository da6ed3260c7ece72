package io.prax.invoicing;

import java.util.Optional;
import java.util.UUID;

/**
 * Resolves the company logo (a stored document) to a {@code data:} URI for pages and PDFs. The
 * documents module provides it; without one, invoices print no logo.
 */
public interface InvoiceLogo {

	Optional<String> dataUri(UUID documentId);
}
