package io.prax.document;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.prax.access.AccessPolicy;
import io.prax.access.Permission;
import io.prax.approval.ApprovableRecords;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Documents can be approved: what is signed is the file (its SHA-256, size, type and
 * name) and the record it is attached to. The bytes cannot change under the same SHA-256
 * (content-addressed).
 */
@Component
class DocumentApprovals implements ApprovableRecords {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Documents documents;

	// Lazily: the registry is built from every module's AttachableRecords, some of which
	// need approvals.
	private final ObjectProvider<AttachableRecordRegistry> records;

	private final AccessPolicy access;

	DocumentApprovals(Documents documents, ObjectProvider<AttachableRecordRegistry> records, AccessPolicy access) {
		this.documents = documents;
		this.records = records;
		this.access = access;
	}

	@Override
	public String recordType() {
		return "document";
	}

	@Override
	public String label() {
		return "Document";
	}

	@Override
	public boolean visible(UUID id) {
		return access.can(Permission.DOCUMENTS_VIEW)
				&& documents.findLive(id).filter(d -> records.getObject().visible(d.record())).isPresent();
	}

	@Override
	public Optional<String> content(UUID id) {
		return documents.findLive(id).map(document -> {
			Map<String, Object> content = new LinkedHashMap<>();
			content.put("recordType", "document");
			content.put("id", document.id().toString());
			content.put("fileName", document.fileName());
			content.put("contentType", document.contentType());
			content.put("size", document.size());
			content.put("sha256", document.sha256());
			content.put("attachedTo", document.record().type() + ":" + document.record().id());
			return JSON.writeValueAsString(content);
		});
	}

	@Override
	public String title(UUID id) {
		return documents.findLive(id).map(d -> "Document " + d.fileName()).orElse("Document");
	}

	/**
	 * A document attached to a customer (a quote, a contract) is addressed to that
	 * customer's portal users.
	 */
	@Override
	public @Nullable UUID addressedTo(UUID id) {
		return documents.findLive(id)
			.map(Document::record)
			.filter(record -> "customer".equals(record.type()))
			.map(RecordRef::id)
			.orElse(null);
	}

	@Override
	public String pagePath(UUID id) {
		return documents.findLive(id).map(d -> records.getObject().pagePath(d.record())).orElse("/");
	}

}
