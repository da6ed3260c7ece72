package io.prax.invoicing;

/** DRAFT is editable; ISSUED, PAID and VOID are locked. */
public enum InvoiceStatus {

	DRAFT, ISSUED, PAID, VOID;

	public boolean locked() {
		return this != DRAFT;
	}

}
