package io.prax.document;

/**
 * Implemented by a module whose records can carry documents (customer, invoice, later
 * employee and payslip). Documents of a record are exactly as visible as the record: a
 * record the caller may not see, of this tenant or another, makes its documents answer
 * 404.
 */
public interface AttachableRecords {

	/** The {@code recordType} of the API, e.g. {@code customer}. */
	String recordType();

	/** Whether the record exists, is not deleted, and the current user may see it. */
	boolean visible(RecordRef record);

	/**
	 * Whether the caller may list the record's documents; by default whoever sees the
	 * record. A record whose documents are readable more widely than they are managed
	 * (the company logo) narrows this.
	 */
	default boolean listable(RecordRef record) {
		return visible(record);
	}

	/**
	 * Whether the caller may attach documents to the record or remove them; by default
	 * whoever sees it.
	 */
	default boolean changeable(RecordRef record) {
		return visible(record);
	}

	/**
	 * The page of the record, where the document panel returns to after an upload or
	 * deletion.
	 */
	String pagePath(RecordRef record);

}
