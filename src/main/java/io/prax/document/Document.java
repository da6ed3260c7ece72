package io.prax.document;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.prax.platform.TenantRecord;
import org.hibernate.annotations.SQLRestriction;
import org.jspecify.annotations.Nullable;

/**
 * A file attached to a record; the bytes live in the {@link BlobStore} under
 * {@code sha256}.
 */
@Entity
@SQLRestriction("deleted_at is null")
@Table(name = "document")
class Document extends TenantRecord {

	private String recordType;

	private UUID recordId;

	private String fileName;

	private String contentType;

	private long size;

	private String sha256;

	protected Document() {
	}

	Document(RecordRef record, String fileName, String contentType, long size, String sha256) {
		this.recordType = record.type();
		this.recordId = record.id();
		this.fileName = fileName;
		this.contentType = contentType;
		this.size = size;
		this.sha256 = sha256;
	}

	RecordRef record() {
		return new RecordRef(recordType, recordId);
	}

	String fileName() {
		return fileName;
	}

	String contentType() {
		return contentType;
	}

	long size() {
		return size;
	}

	String sha256() {
		return sha256;
	}

	void delete(Instant at, @Nullable UUID by, String reason) {
		markDeleted(at, by, reason);
	}

	DocumentView view() {
		return new DocumentView(id(), sha256, size, contentType, fileName, recordType, recordId, version(), createdAt(),
				createdBy(), updatedAt(), updatedBy());
	}

}
