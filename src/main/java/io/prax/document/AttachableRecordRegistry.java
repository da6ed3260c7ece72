package io.prax.document;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.prax.platform.ProblemException;
import org.springframework.stereotype.Component;

/**
 * The record types documents can be attached to, from every module's
 * {@link AttachableRecords}.
 */
@Component
class AttachableRecordRegistry {

	private final Map<String, AttachableRecords> byType = new TreeMap<>();

	AttachableRecordRegistry(List<AttachableRecords> all) {
		for (AttachableRecords records : all) {
			if (byType.put(records.recordType(), records) != null) {
				throw new IllegalStateException("Two modules claim record type " + records.recordType());
			}
		}
	}

	/**
	 * 400 for a type no module offers; 404 for a record that does not exist or is not the
	 * caller's to see.
	 */
	void requireVisible(RecordRef record) {
		if (!of(record).visible(record)) {
			throw ProblemException.notFound("Record");
		}
	}

	/** As {@link #requireVisible}, for listing the record's documents. */
	void requireListable(RecordRef record) {
		if (!of(record).listable(record)) {
			throw ProblemException.notFound("Record");
		}
	}

	/**
	 * As {@link #requireVisible}, for attaching documents to the record or removing them.
	 */
	void requireChangeable(RecordRef record) {
		if (!of(record).changeable(record)) {
			throw ProblemException.notFound("Record");
		}
	}

	boolean visible(RecordRef record) {
		AttachableRecords records = byType.get(record.type());
		return records != null && records.visible(record);
	}

	boolean listable(RecordRef record) {
		AttachableRecords records = byType.get(record.type());
		return records != null && records.listable(record);
	}

	String pagePath(RecordRef record) {
		return of(record).pagePath(record);
	}

	private AttachableRecords of(RecordRef record) {
		AttachableRecords records = byType.get(record.type());
		if (records == null) {
			throw ProblemException.validation(
					Map.of("recordType", "Documents can be attached to: " + String.join(", ", byType.keySet())));
		}
		return records;
	}

}
