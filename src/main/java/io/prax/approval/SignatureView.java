package io.prax.approval;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One electronic signature as manifested (21 CFR 11.50): printed name, UTC time and
 * meaning, with the SHA-256 of the record version it signed.
 */
public record SignatureView(UUID id, UUID approvalId, int stepIndex, String stepName, UUID signerId, String signerName,
		Instant signedAt, String meaning, String meaningLabel, @Nullable String comment, String recordSha256) {

	/** Date and time with zone, as printed. */
	public String signedAtText() {
		return Manifestation.format(signedAt);
	}

	/**
	 * The manifestation line printed on pages and PDFs: name, date and time with zone,
	 * meaning.
	 */
	public String manifestation() {
		return signerName + " — " + Manifestation.format(signedAt) + " — " + meaningLabel;
	}
}
