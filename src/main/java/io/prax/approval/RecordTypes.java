package io.prax.approval;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import io.prax.platform.ProblemException;
import org.springframework.stereotype.Component;

/**
 * The record types approvals can be asked for, from every module's
 * {@link ApprovableRecords}.
 */
@Component
class RecordTypes {

	private final Map<String, ApprovableRecords> byType = new TreeMap<>();

	RecordTypes(List<ApprovableRecords> all) {
		for (ApprovableRecords records : all) {
			if (byType.put(records.recordType(), records) != null) {
				throw new IllegalStateException("Two modules claim record type " + records.recordType());
			}
		}
	}

	Set<String> types() {
		return byType.keySet();
	}

	boolean known(String type) {
		return byType.containsKey(type);
	}

	/** 400 on {@code recordType} for a type no module offers. */
	ApprovableRecords of(String type) {
		ApprovableRecords records = byType.get(type);
		if (records == null) {
			throw ProblemException
				.validation(Map.of("recordType", "Approvals can be asked for: " + String.join(", ", byType.keySet())));
		}
		return records;
	}

	/** 404 for a record that does not exist or is not the caller's to see. */
	ApprovableRecords requireVisible(String type, UUID id) {
		ApprovableRecords records = of(type);
		if (!records.visible(id)) {
			throw ProblemException.notFound("Record");
		}
		return records;
	}

	String label(String type) {
		ApprovableRecords records = byType.get(type);
		return records == null ? type : records.label();
	}

}
