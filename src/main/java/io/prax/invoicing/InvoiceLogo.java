package io.prax.invoicing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.prax.platform.Page;
import io.prax.document.DocumentContent;
import io.prax.document.DocumentId;
import io.prax.document.DocumentManagement;
import io.prax.document.DocumentView;
import io.prax.document.RecordRef;
import io.prax.platform.ProblemException;
import io.prax.tenancy.TenantContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The company logo: a PNG or JPEG document of the {@code company} record, at most
 * {@link #MAX_BYTES}, resolved to a {@code data:} URI for pages and PDFs. Only bytes that
 * passed the document's integrity check are ever embedded; anything else prints no logo.
 */
@Component
public class InvoiceLogo {

	static final long MAX_BYTES = 1024 * 1024;
	static final Set<String> TYPES = Set.of("image/png", "image/jpeg");

	private static final Logger log = LoggerFactory.getLogger(InvoiceLogo.class);

	private final DocumentManagement documents;

	InvoiceLogo(DocumentManagement documents) {
		this.documents = documents;
	}

	/**
	 * The record the logo documents are attached to: the company details, whose id is the
	 * tenant's.
	 */
	static RecordRef company() {
		return new RecordRef(CompanyDocuments.TYPE, TenantContext.require().value());
	}

	/**
	 * The document, when it can be the logo: a live PNG or JPEG of the company record,
	 * small enough.
	 */
	Optional<DocumentView> usable(UUID documentId) {
		DocumentView document;
		try {
			document = documents.get(new DocumentId(documentId));
		}
		catch (ProblemException ex) {
			return Optional.empty();
		}
		return usable(document) ? Optional.of(document) : Optional.empty();
	}

	/** The company's documents that can be chosen as its logo (for the company page). */
	List<DocumentView> choices() {
		return documents.list(company(), null, Page.MAX_LIMIT).items().stream().filter(InvoiceLogo::usable).toList();
	}

	/**
	 * The seller as issuing freezes it: the logo's document id with its SHA-256, or no
	 * logo.
	 */
	InvoiceDocument.Party frozen(InvoiceDocument.Party seller) {
		Optional<DocumentView> logo = seller.logoDocumentId() == null ? Optional.empty()
				: usable(UUID.fromString(seller.logoDocumentId()));
		return new InvoiceDocument.Party(seller.id(), seller.name(), seller.address(), seller.taxId(), seller.email(),
				seller.phone(), logo.map(d -> d.id().toString()).orElse(null),
				logo.map(DocumentView::sha256).orElse(null));
	}

	/**
	 * The seller's logo as a {@code data:} URI: by its document id, and for an issued
	 * invoice only if the bytes still have the SHA-256 frozen in the snapshot. Empty when
	 * there is none or it fails a check.
	 */
	public Optional<String> dataUri(InvoiceDocument.Party seller) {
		if (seller.logoDocumentId() == null) {
			return Optional.empty();
		}
		UUID id;
		try {
			id = UUID.fromString(seller.logoDocumentId());
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		return dataUri(id, seller.logoSha256());
	}

	private Optional<String> dataUri(UUID id, @Nullable String sha256) {
		DocumentContent content;
		try {
			// An integrity failure is answered (and audited) by the documents module:
			// then simply no logo.
			content = documents.content(new DocumentId(id));
		}
		catch (ProblemException ex) {
			log.warn("Logo document {} not shown: {}", id, ex.getMessage());
			return Optional.empty();
		}
		try (InputStream in = content.bytes()) {
			DocumentView document = content.document();
			if (!usable(document) || sha256 != null && !sha256.equals(document.sha256())) {
				return Optional.empty();
			}
			byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
			if (bytes.length > MAX_BYTES) {
				return Optional.empty();
			}
			return Optional
				.of("data:" + document.contentType() + ";base64," + Base64.getEncoder().encodeToString(bytes));
		}
		catch (IOException | UncheckedIOException ex) {
			log.warn("Logo document {} not shown: {}", id, ex.getMessage());
			return Optional.empty();
		}
	}

	private static boolean usable(DocumentView document) {
		return CompanyDocuments.TYPE.equals(document.recordType())
				&& document.recordId().equals(TenantContext.require().value()) && TYPES.contains(document.contentType())
				&& document.size() <= MAX_BYTES;
	}

}
