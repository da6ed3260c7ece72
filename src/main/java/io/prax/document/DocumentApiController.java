package io.prax.document;

import static io.prax.platform.Validation.checked;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.prax.platform.Page;
import io.prax.access.Permission;
import io.prax.access.RequiresPermission;
import io.prax.platform.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Documents",
		description = "Files attached to records, stored under their SHA-256 and checked on every read")
@RequestMapping("/api/v1/documents")
class DocumentApiController {

	private final DocumentManagement documents;

	DocumentApiController(DocumentManagement documents) {
		this.documents = documents;
	}

	/** Body of a DELETE: the reason is required, the version optional. */
	record Deletion(@Nullable String reason, @Nullable Long version) {
	}

	@GetMapping
	@Operation(summary = "List the documents of a record")
	@RequiresPermission(Permission.DOCUMENTS_VIEW)
	Page<DocumentView> list(@RequestParam(required = false) @Nullable String recordType,
			@RequestParam(required = false) @Nullable UUID recordId,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(required = false) @Nullable Integer limit) {
		return documents.list(record(recordType, recordId), cursor, limit);
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Upload a document and attach it to a record")
	@RequiresPermission(Permission.DOCUMENTS_CREATE)
	ResponseEntity<DocumentView> upload(@RequestParam(required = false) @Nullable MultipartFile file,
			@RequestParam(required = false) @Nullable String recordType,
			@RequestParam(required = false) @Nullable UUID recordId) throws IOException {
		RecordRef record = record(recordType, recordId);
		if (file == null) {
			throw ProblemException.validation(Map.of("file", "Send the file as the multipart part \"file\""));
		}
		DocumentView created = documents.upload(record, file.getOriginalFilename(), file.getInputStream());
		return ResponseEntity.created(URI.create("/api/v1/documents/" + created.id())).body(created);
	}

	@GetMapping("/{id}")
	@Operation(summary = "Get a document's details")
	@RequiresPermission(Permission.DOCUMENTS_VIEW)
	DocumentView get(@PathVariable UUID id) {
		return documents.get(new DocumentId(id));
	}

	@GetMapping("/{id}/content")
	@Operation(summary = "Download a document (always as an attachment; 500 integrity_failed if its bytes changed)")
	@RequiresPermission(Permission.DOCUMENTS_VIEW)
	ResponseEntity<InputStreamResource> content(@PathVariable UUID id, HttpServletResponse response) {
		return Downloads.of(documents.content(new DocumentId(id)), response);
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete a document, with a reason")
	@RequiresPermission(Permission.DOCUMENTS_DELETE)
	ResponseEntity<Void> delete(@PathVariable UUID id, @RequestBody(required = false) @Nullable Deletion body,
			@RequestParam(required = false) @Nullable String reason) {
		documents.delete(new DocumentId(id), body == null ? null : body.version(),
				body != null && body.reason() != null ? body.reason() : reason);
		return ResponseEntity.noContent().build();
	}

	/** Both are required; named in one validation problem when missing. */
	static RecordRef record(@Nullable String recordType, @Nullable UUID recordId) {
		Map<String, String> errors = new java.util.LinkedHashMap<>();
		if (recordType == null || recordType.isBlank()) {
			errors.put("recordType", "Name the type of record, e.g. customer");
		}
		if (recordId == null) {
			errors.put("recordId", "Name the record's id");
		}
		if (!errors.isEmpty()) {
			throw ProblemException.validation(errors);
		}
		return new RecordRef(checked(recordType).strip(), checked(recordId));
	}

}
