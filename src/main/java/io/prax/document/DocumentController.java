package io.prax.document;

import java.io.IOException;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import io.prax.platform.Page;
import io.prax.access.AccessPolicy;
import io.prax.access.Permission;
import io.prax.access.RequiresPermission;
import io.prax.identity.UserDirectory;
import io.prax.identity.UserAccount;
import io.prax.identity.UserId;
import io.prax.platform.ProblemException;
import io.prax.platform.SignedInOnly;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The documents list and a document's page (with its approval), and the document panel of
 * record pages (templates/document/panel.html): list, download, upload, delete.
 */
@Controller
@RequestMapping("/documents")
class DocumentController {

	private final DocumentManagement documents;

	private final AccessPolicy access;

	private final UserDirectory identity;

	DocumentController(DocumentManagement documents, AccessPolicy access, UserDirectory identity) {
		this.documents = documents;
		this.access = access;
		this.identity = identity;
	}

	/**
	 * Every document the caller may see, newest first; with {@code recordType} and
	 * {@code recordId} one record's, with its upload form.
	 */
	@GetMapping
	@RequiresPermission(Permission.DOCUMENTS_VIEW)
	String list(@RequestParam(required = false) @Nullable String recordType,
			@RequestParam(required = false) @Nullable UUID recordId,
			@RequestParam(required = false) @Nullable String cursor, Model model) {
		RecordRef record = recordType == null || recordId == null ? null : new RecordRef(recordType, recordId);
		Page<DocumentView> list = record == null ? documents.all(cursor, null) : documents.list(record, cursor, null);
		model.addAttribute("activeNav", "documents");
		model.addAttribute("record", record);
		model.addAttribute("recordPath", record == null ? null : documents.pagePath(record));
		model.addAttribute("rows", list.items().stream().map(Row::of).toList());
		java.util.Map<UUID, String> paths = new java.util.HashMap<>();
		list.items().forEach(d -> paths.put(d.id(), documents.recordPagePath(d)));
		model.addAttribute("recordPaths", paths);
		model.addAttribute("nextCursor", list.nextCursor());
		model.addAttribute("canUpload", record != null && access.can(Permission.DOCUMENTS_CREATE));
		model.addAttribute("maxBytes", documents.maxBytes());
		model.addAttribute("maxLabel", Row.bytes(documents.maxBytes()));
		return "document/list";
	}

	/**
	 * A document's page: its metadata, download and removal, and its approval (loaded
	 * from /approvals/panel).
	 */
	@GetMapping("/{id}")
	@RequiresPermission(Permission.DOCUMENTS_VIEW)
	String detail(@PathVariable UUID id, Model model) {
		DocumentView document = documents.get(new DocumentId(id));
		model.addAttribute("activeNav", "documents");
		model.addAttribute("row", Row.of(document));
		model.addAttribute("document", document);
		model.addAttribute("uploadedBy", document.createdBy() == null ? "(system)"
				: identity.find(new UserId(document.createdBy())).map(UserAccount::name).orElse("(former user)"));
		model.addAttribute("recordPath", documents.recordPagePath(document));
		model.addAttribute("canDelete", access.can(Permission.DOCUMENTS_DELETE));
		return "document/detail";
	}

	/** A document as the panel lists it: with a readable size and kind. */
	record Row(DocumentView document, String size, String kind) {

		static Row of(DocumentView document) {
			return new Row(document, bytes(document.size()), kind(document.contentType()));
		}

		static String bytes(long size) {
			if (size < 1024) {
				return size + " B";
			}
			if (size < 1024 * 1024) {
				return Math.round(size / 1024.0) + " KB";
			}
			double mb = size / (1024.0 * 1024.0);
			return (mb < 10 ? String.format(java.util.Locale.ROOT, "%.1f", mb) : Long.toString(Math.round(mb))) + " MB";
		}

		static String kind(String type) {
			return switch (type) {
				case "application/pdf" -> "PDF";
				case "text/plain" -> "Text";
				case "text/csv" -> "CSV";
				case "text/html", "application/xhtml+xml" -> "HTML";
				case "image/png" -> "PNG image";
				case "image/jpeg" -> "JPEG image";
				case "image/svg+xml" -> "SVG image";
				case "application/zip" -> "ZIP archive";
				case "application/vnd.openxmlformats-officedocument.wordprocessingml.document" -> "Word document";
				case "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" -> "Excel workbook";
				default -> type;
			};
		}
	}

	/**
	 * The panel's content, loaded by htmx; nothing for users who may not see documents.
	 */
	@GetMapping("/panel")
	@SignedInOnly("a record's document panel fragment: empty without documents:view")
	String panel(@RequestParam String recordType, @RequestParam UUID recordId, Model model) {
		if (!access.can(Permission.DOCUMENTS_VIEW)) {
			return "document/panel :: nothing";
		}
		RecordRef record = new RecordRef(recordType, recordId);
		Page<DocumentView> list = documents.list(record, null, Page.MAX_LIMIT);
		model.addAttribute("record", record);
		model.addAttribute("rows", list.items().stream().map(Row::of).toList());
		model.addAttribute("more", list.nextCursor() != null);
		model.addAttribute("canUpload", access.can(Permission.DOCUMENTS_CREATE));
		model.addAttribute("canDelete", access.can(Permission.DOCUMENTS_DELETE));
		model.addAttribute("maxBytes", documents.maxBytes());
		model.addAttribute("maxLabel", Row.bytes(documents.maxBytes()));
		return "document/panel :: content";
	}

	@PostMapping
	@RequiresPermission(Permission.DOCUMENTS_CREATE)
	String upload(@RequestParam String recordType, @RequestParam UUID recordId,
			@RequestParam(required = false) @Nullable MultipartFile file,
			@RequestParam(required = false) @Nullable String back, RedirectAttributes redirect) throws IOException {
		RecordRef record = new RecordRef(recordType, recordId);
		// from the documents list: back to it, and on to the new document's page
		boolean fromList = "list".equals(back);
		String recordPage = documents.pagePath(record);
		String page = fromList ? listPath(record) : recordPage;
		if (file == null || file.isEmpty()) {
			redirect.addFlashAttribute("flash", "Not uploaded: choose a file that is not empty");
			return "redirect:" + page;
		}
		try {
			DocumentView created = documents.upload(record, file.getOriginalFilename(), file.getInputStream());
			redirect.addFlashAttribute("flash", "Document “" + created.fileName() + "” uploaded");
			if (fromList) {
				return "redirect:/documents/" + created.id();
			}
		}
		catch (ProblemException ex) {
			if (ex.status().value() == 404) {
				throw ex;
			}
			redirect.addFlashAttribute("flash", "Not uploaded: " + firstMessage(ex));
		}
		return "redirect:" + page;
	}

	@GetMapping("/{id}/content")
	@RequiresPermission(Permission.DOCUMENTS_VIEW)
	ResponseEntity<InputStreamResource> content(@PathVariable UUID id, HttpServletResponse response) {
		return Downloads.of(documents.content(new DocumentId(id)), response);
	}

	@PostMapping("/{id}/delete")
	@RequiresPermission({ Permission.DOCUMENTS_VIEW, Permission.DOCUMENTS_DELETE })
	String delete(@PathVariable UUID id, @RequestParam(required = false) @Nullable Long version,
			@RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect) {
		DocumentView document = documents.get(new DocumentId(id));
		String page = documents.pagePath(new RecordRef(document.recordType(), document.recordId()));
		try {
			documents.delete(new DocumentId(id), version, reason);
			redirect.addFlashAttribute("flash", "Document “" + document.fileName() + "” removed");
		}
		catch (ProblemException ex) {
			if (ex.status().value() == 404) {
				throw ex;
			}
			redirect.addFlashAttribute("flash", "Not removed: " + firstMessage(ex));
		}
		return "redirect:" + page;
	}

	private static String listPath(RecordRef record) {
		return UriComponentsBuilder.fromPath("/documents")
			.queryParam("recordType", record.type())
			.queryParam("recordId", record.id())
			.encode()
			.toUriString();
	}

	private static String firstMessage(ProblemException ex) {
		return ex.fieldErrors().values().stream().findFirst().orElse(ex.getMessage());
	}

}
