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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
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

	// Reads run in a transaction of their own, as in DocumentManagement: callers such as
	// the approval panel ask outside any transaction, where the tenant's rows are not
	// readable.
	private final TransactionTemplate reading;

	DocumentApprovals(Documents documents, ObjectProvider<AttachableRecordRegistry> records, AccessPolicy access,
			PlatformTransactionManager transactions) {
		this.documents = documents;
		this.records = records;
		this.access = access;
		this.reading = new TransactionTemplate(transactions);
		this.reading.setReadOnly(true);
	}

	private Optional<Document> live(UUID id) {
		Optional<Document> found = reading.execute(status -> documents.findLive(id));
		return found == null ? Optional.empty() : found;
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
		return access.can(Permission.DOCUMENTS_VIEW) && Boolean.TRUE.equals(reading.execute(
				status -> documents.findLive(id).filter(d -> records.getObject().visible(d.record())).isPresent()));
	}

	@Override
	public Optional<String> content(UUID id) {
		return live(id).map(document -> {
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
		return live(id).map(d -> "Document " + d.fileName()).orElse("Document");
	}

	/**
	 * A document attached to a customer (a quote, a contract) is addressed to that
	 * customer's portal users.
	 */
	@Override
	public @Nullable UUID addressedTo(UUID id) {
		return live(id).map(Document::record)
			.filter(record -> "customer".equals(record.type()))
			.map(RecordRef::id)
			.orElse(null);
	}

	@Override
	public String pagePath(UUID id) {
		return live(id).map(d -> records.getObject().pagePath(d.record())).orElse("/");
	}

}
