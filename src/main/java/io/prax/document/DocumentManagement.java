package io.prax.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.prax.platform.Page;
import io.prax.platform.Cursor;
import io.prax.approval.ApprovalGate;
import io.prax.audit.AuditEvents;
import io.prax.identity.CurrentUser;
import io.prax.platform.ProblemException;
import io.prax.tenancy.TenantContext;
import io.prax.tenancy.TenantId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.data.domain.Limit;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * Documents of the current tenant: files attached to records, stored once per tenant
 * under their SHA-256 and checked against it on every read. A document is exactly as
 * visible as its record ({@link AttachableRecords}); deleting one hides it but keeps its
 * bytes, which other documents may share.
 */
@Service
public class DocumentManagement {

	private static final Logger log = LoggerFactory.getLogger(DocumentManagement.class);

	private final Documents documents;

	private final AttachableRecordRegistry records;

	private final BlobStore blobs;

	private final AuditEvents audit;

	private final Clock clock;

	private final TransactionTemplate writing;

	private final TransactionTemplate reading;

	private final long maxBytes;

	// Lazily: approvals know documents as a record type through the registry this module
	// builds.
	private final ObjectProvider<ApprovalGate> approvals;

	DocumentManagement(Documents documents, AttachableRecordRegistry records, BlobStore blobs, AuditEvents audit,
			Clock clock, PlatformTransactionManager transactions, MultipartProperties multipart,
			ObjectProvider<ApprovalGate> approvals) {
		this.approvals = approvals;
		this.documents = documents;
		this.records = records;
		this.blobs = blobs;
		this.audit = audit;
		this.clock = clock;
		this.writing = new TransactionTemplate(transactions);
		this.reading = new TransactionTemplate(transactions);
		this.reading.setReadOnly(true);
		// PRAX_MAX_UPLOAD, bound by Spring Boot (spring.servlet.multipart.max-file-size
		// in application.yml).
		this.maxBytes = multipart.getMaxFileSize().toBytes();
	}

	/** The largest file accepted ({@code PRAX_MAX_UPLOAD}). */
	public long maxBytes() {
		return maxBytes;
	}

	/**
	 * The record's live documents, newest first, after {@code cursor}; 404 when the
	 * record is not the caller's to see.
	 */
	public Page<DocumentView> list(RecordRef record, @Nullable String cursor, @Nullable Integer limit) {
		int size = Page.limit(limit);
		UUID after = cursor == null || cursor.isBlank() ? null : Cursor.decodeId(cursor);
		return reading.execute(status -> {
			records.requireListable(record);
			List<Document> rows = after == null ? documents.firstPage(record.type(), record.id(), Limit.of(size + 1))
					: documents.pageAfter(record.type(), record.id(), after, Limit.of(size + 1));
			return Page.of(rows, size, Document::view, row -> Cursor.ofId(row.id()));
		});
	}

	/**
	 * The tenant's live documents the caller may list (their record's documents are
	 * theirs to list), newest first, after {@code cursor}.
	 */
	public Page<DocumentView> all(@Nullable String cursor, @Nullable Integer limit) {
		int size = Page.limit(limit);
		UUID start = cursor == null || cursor.isBlank() ? null : Cursor.decodeId(cursor);
		return reading.execute(status -> {
			List<Document> rows = new java.util.ArrayList<>();
			UUID after = start;
			// visibility is the record's, so filter in memory, in bounded batches
			for (int batch = 0; batch < 20 && rows.size() <= size; batch++) {
				List<Document> fetched = after == null ? documents.newest(Limit.of(200))
						: documents.newestAfter(after, Limit.of(200));
				if (fetched.isEmpty()) {
					break;
				}
				after = fetched.get(fetched.size() - 1).id();
				for (Document document : fetched) {
					if (records.listable(document.record())) {
						rows.add(document);
						if (rows.size() > size) {
							break;
						}
					}
				}
			}
			return Page.of(rows, size, Document::view, row -> Cursor.ofId(row.id()));
		});
	}

	/**
	 * Where the page of the record a document is attached to is; "/" when it has none.
	 */
	public String recordPagePath(DocumentView document) {
		RecordRef record = new RecordRef(document.recordType(), document.recordId());
		return reading.execute(status -> records.visible(record) ? records.pagePath(record) : "/");
	}

	/**
	 * The document's metadata, or 404 when it does not exist, was deleted, or its record
	 * is not the caller's to see.
	 */
	public DocumentView get(DocumentId id) {
		return reading.execute(status -> find(id).view());
	}

	/**
	 * Attaches a file to {@code record}: its type is sniffed from the bytes, its name
	 * made safe, its bytes stored under their SHA-256 (once per tenant). 413 past
	 * {@link #maxBytes()}, 400 for an empty file.
	 */
	public DocumentView upload(RecordRef record, @Nullable String fileName, InputStream content) {
		reading.executeWithoutResult(status -> records.requireChangeable(record));
		String name = FileNames.sanitise(fileName);
		TenantId tenant = TenantContext.require();
		Path spool = null;
		try {
			spool = blobs.newTempFile();
			Digesting.Copied copied;
			try (InputStream in = content; OutputStream out = Files.newOutputStream(spool)) {
				copied = Digesting.copy(in, out, maxBytes);
			}
			catch (Digesting.TooLarge ex) {
				throw new ProblemException(HttpStatus.PAYLOAD_TOO_LARGE, "payload_too_large",
						"The file is larger than " + DataSize.ofBytes(maxBytes).toMegabytes() + " MB");
			}
			if (copied.size() == 0) {
				throw ProblemException.validation(Map.of("file", "The file is empty"));
			}
			String type = ContentTypes.sniff(spool, name);
			blobs.put(tenant, copied.sha256(), spool);
			Digesting.Copied stored = copied;
			return writing.execute(status -> {
				records.requireChangeable(record);
				return documents.saveAndFlush(new Document(record, name, type, stored.size(), stored.sha256())).view();
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not store the upload", ex);
		}
		finally {
			deleteQuietly(spool);
		}
	}

	/**
	 * The document's bytes, only after they matched its SHA-256 and size: a mismatch (or
	 * a missing blob) is recorded in the audit log and answered 500
	 * {@code integrity_failed}; not one byte is served.
	 */
	public DocumentContent content(DocumentId id) {
		DocumentView document = reading.execute(status -> find(id).view());
		TenantId tenant = TenantContext.require();
		Path spool = null;
		try {
			spool = blobs.newTempFile();
			String found;
			try (InputStream in = blobs.open(tenant, document.sha256());
					OutputStream out = Files.newOutputStream(spool)) {
				// Never more than the recorded size is read: a blob grown on disk is
				// corrupt as well.
				Digesting.Copied read = Digesting.copy(in, out, document.size());
				found = read.size() == document.size() ? read.sha256() : "truncated to " + read.size() + " bytes";
			}
			catch (NoSuchFileException ex) {
				found = "missing";
			}
			catch (Digesting.TooLarge ex) {
				found = "larger than " + document.size() + " bytes";
			}
			if (!found.equals(document.sha256())) {
				integrityFailed(document, found);
			}
			InputStream verified = Files.newInputStream(spool, StandardOpenOption.DELETE_ON_CLOSE);
			spool = null;
			return new DocumentContent(document, ContentTypes.served(document.contentType()), verified);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read document " + id, ex);
		}
		finally {
			deleteQuietly(spool);
		}
	}

	/** Soft delete with a reason; the bytes stay, as other documents may share them. */
	public void delete(DocumentId id, @Nullable Long version, @Nullable String reason) {
		String why = requireReason(reason);
		writing.executeWithoutResult(status -> {
			Document document = find(id);
			records.requireChangeable(document.record());
			approvals.getObject().requireUnlocked("document", document.id());
			if (version != null) {
				document.requireVersion(version);
			}
			document.delete(Instant.now(clock), CurrentUser.require().id().value(), why);
			documents.saveAndFlush(document);
		});
	}

	/** Where the record's page is, for the document panel to return to. */
	public String pagePath(RecordRef record) {
		return reading.execute(status -> {
			records.requireVisible(record);
			return records.pagePath(record);
		});
	}

	private Document find(DocumentId id) {
		return documents.findLive(id.value())
			.filter(document -> records.visible(document.record()))
			.orElseThrow(() -> ProblemException.notFound("Document"));
	}

	private void integrityFailed(DocumentView document, String found) {
		Map<String, String> details = new LinkedHashMap<>();
		details.put("sha256", document.sha256());
		details.put("size", Long.toString(document.size()));
		details.put("found", found);
		log.error("Document {} of tenant {}: stored bytes {} do not match SHA-256 {}; not served", document.id(),
				TenantContext.require(), found, document.sha256());
		audit.record("document.integrity_failed", "document", document.id().toString(), details,
				"stored bytes do not match the document's SHA-256");
		throw new ProblemException(HttpStatus.INTERNAL_SERVER_ERROR, "integrity_failed",
				"The stored file no longer matches its SHA-256 fingerprint, so it is not served; "
						+ "the failure has been recorded in the audit log");
	}

	private static String requireReason(@Nullable String reason) {
		String why = reason == null ? null : reason.strip();
		if (why == null || why.isEmpty()) {
			throw ProblemException.validation(Map.of("reason", "Give a reason for the deletion"));
		}
		if (why.length() > 1000) {
			throw ProblemException.validation(Map.of("reason", "Use at most 1000 characters"));
		}
		return why;
	}

	private static void deleteQuietly(@Nullable Path file) {
		if (file != null) {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				log.warn("Could not remove spool file {}: {}", file, ex.getMessage());
			}
		}
	}

}
