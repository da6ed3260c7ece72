package io.prax.identity;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import io.prax.platform.Digests;
import io.prax.platform.ProblemException;
import io.prax.tenancy.TenantContext;
import io.prax.tenancy.TenantId;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * TOTP second factor of the users of the current tenant: enrolment with a QR code,
 * confirmation by a first code, single-use backup codes, verification at sign-in, reset
 * and disabling. A code's time step is accepted at most once per user, on every node (a
 * conditional update in PostgreSQL); codes of the previous and next step are accepted for
 * clock drift.
 */
@Service
public class MfaManagement {

	static final int BACKUP_CODES = 10;

	/** Problem code of a wrong, replayed or expired TOTP or backup code. */
	public static final String INVALID_CODE = "invalid_mfa_code";

	private static final String ISSUER = "Prax";

	private static final String BACKUP_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

	private final UserMfas enrolments;

	private final BackupCodes backupCodes;

	private final TotpSecretCipher cipher;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	MfaManagement(UserMfas enrolments, BackupCodes backupCodes, TotpSecretCipher cipher,
			TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
		this.enrolments = enrolments;
		this.backupCodes = backupCodes;
		this.cipher = cipher;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	/** What an authenticator app needs; shown once, while the enrolment is pending. */
	public record TotpEnrolment(String secret, String otpauthUri, String qrPngBase64) {

		@Override
		public String toString() {
			return "TotpEnrolment[secret=***]";
		}
	}

	/** Whether the user has confirmed TOTP. */
	public boolean enrolled(UserId user) {
		return Boolean.TRUE.equals(transactions
			.execute(status -> enrolments.findById(user.value()).map(UserMfa::confirmed).orElse(false)));
	}

	/** How many of the user's backup codes are still unused. */
	public int unusedBackupCodes(UserId user) {
		Long count = transactions.execute(status -> backupCodes.countUnused(user.value()));
		return count == null ? 0 : count.intValue();
	}

	/** Which of these users have confirmed TOTP. */
	public Set<UserId> enrolledAmong(Collection<UserId> users) {
		if (users.isEmpty()) {
			return Set.of();
		}
		List<UUID> ids = users.stream().map(UserId::value).toList();
		Set<UserId> found = new HashSet<>();
		transactions.execute(status -> enrolments.confirmedAmong(ids)).forEach(id -> found.add(new UserId(id)));
		return found;
	}

	/**
	 * Starts (or restarts) the enrolment of a user who has no confirmed TOTP: a new
	 * secret, stored encrypted; 409 {@code mfa_already_enrolled} otherwise (disable or
	 * reset first).
	 */
	public TotpEnrolment startEnrolment(UserId user, String email, String tenantSlug) {
		String secret = Totp.base32Encode(randomBytes(Totp.SECRET_BYTES));
		String ciphertext = cipher.encrypt(secret, associated(user));
		transactions.executeWithoutResult(status -> {
			Instant now = Instant.now(clock);
			UserMfa existing = enrolments.findById(user.value()).orElse(null);
			if (existing != null && existing.confirmed()) {
				throw new ProblemException(HttpStatus.CONFLICT, "mfa_already_enrolled",
						"Two-factor authentication is already set up; disable it first to set it up again");
			}
			if (existing == null) {
				enrolments.save(new UserMfa(user.value(), ciphertext, now));
			}
			else {
				existing.restart(ciphertext, now);
			}
		});
		String label = ISSUER + " (" + tenantSlug + "):" + email;
		String uri = "otpauth://totp/" + encode(label) + "?secret=" + secret + "&issuer=" + encode(ISSUER)
				+ "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP.getSeconds();
		return new TotpEnrolment(secret, uri, qrPng(uri));
	}

	/**
	 * Confirms a pending enrolment with a first code and answers 10 new backup codes,
	 * shown only now (stored as SHA-256). 400 {@link #INVALID_CODE} for a wrong code, 409
	 * without a pending enrolment.
	 */
	public List<String> confirmEnrolment(UserId user, @Nullable String code) {
		List<String> codes = newBackupCodes();
		transactions.executeWithoutResult(status -> {
			UserMfa enrolment = enrolments.findById(user.value())
				.filter(e -> !e.confirmed())
				.orElseThrow(() -> new ProblemException(HttpStatus.CONFLICT, "mfa_not_pending",
						"Start setting up two-factor authentication first"));
			Long step = matchingStep(enrolment, code);
			if (step == null || enrolments.confirm(user.value(), step, Instant.now(clock)) == 0) {
				throw invalidCode();
			}
			storeBackupCodes(user, codes);
			events.publishEvent(new MfaChanged(TenantContext.require(), user, "enrolled", currentUserId()));
		});
		return codes;
	}

	/**
	 * Whether the code is a valid TOTP code of a step not used before, or an unused
	 * backup code, of a confirmed enrolment; either is used up by this call.
	 */
	public boolean verify(UserId user, @Nullable String code) {
		if (code == null || code.isBlank() || code.length() > 32) {
			return false;
		}
		String clean = code.replaceAll("[\\s-]", "");
		return Boolean.TRUE.equals(transactions.execute(status -> {
			UserMfa enrolment = enrolments.findById(user.value()).filter(UserMfa::confirmed).orElse(null);
			if (enrolment == null) {
				return false;
			}
			if (clean.matches("\\d{" + Totp.DIGITS + "}")) {
				Long step = matchingStep(enrolment, clean);
				return step != null && enrolments.useStep(user.value(), step) == 1;
			}
			boolean used = backupCodes.use(hash(user, clean), user.value(), Instant.now(clock)) == 1;
			if (used) {
				events.publishEvent(new MfaChanged(TenantContext.require(), user, "backup_code_used", null));
			}
			return used;
		}));
	}

	/**
	 * New backup codes for a confirmed enrolment; the old ones stop working. Check the
	 * password first.
	 */
	public List<String> regenerateBackupCodes(UserId user) {
		List<String> codes = newBackupCodes();
		transactions.executeWithoutResult(status -> {
			if (enrolments.findById(user.value()).filter(UserMfa::confirmed).isEmpty()) {
				throw new ProblemException(HttpStatus.CONFLICT, "mfa_not_enrolled",
						"Two-factor authentication is not set up");
			}
			backupCodes.deleteAllOf(user.value());
			storeBackupCodes(user, codes);
			events.publishEvent(
					new MfaChanged(TenantContext.require(), user, "backup_codes_regenerated", currentUserId()));
		});
		return codes;
	}

	/**
	 * Removes the user's TOTP and backup codes: by themselves ({@code disabled}, after
	 * re-entering the password) or by an administrator ({@code reset}). The user enrols
	 * again when MFA is required.
	 */
	public void remove(UserId user, String how) {
		transactions.executeWithoutResult(status -> {
			enrolments.findById(user.value()).ifPresent(enrolments::delete);
			backupCodes.deleteAllOf(user.value());
			events.publishEvent(new MfaChanged(TenantContext.require(), user, how, currentUserId()));
		});
	}

	private @Nullable Long matchingStep(UserMfa enrolment, @Nullable String code) {
		if (code == null) {
			return null;
		}
		String clean = code.replaceAll("\\s", "");
		if (!clean.matches("\\d{" + Totp.DIGITS + "}")) {
			return null;
		}
		String secret = cipher.decrypt(enrolment.secretCiphertext(), associated(new UserId(enrolment.userId())));
		long now = Totp.step(Instant.now(clock));
		for (long step = now - 1; step <= now + 1; step++) {
			if (MessageDigest.isEqual(Totp.code(secret, step).getBytes(StandardCharsets.US_ASCII),
					clean.getBytes(StandardCharsets.US_ASCII))) {
				return step;
			}
		}
		return null;
	}

	private List<String> newBackupCodes() {
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < BACKUP_CODES; i++) {
			StringBuilder code = new StringBuilder();
			for (int c = 0; c < 10; c++) {
				code.append(BACKUP_ALPHABET.charAt(random.nextInt(BACKUP_ALPHABET.length())));
			}
			codes.add(code.substring(0, 5) + "-" + code.substring(5));
		}
		return List.copyOf(codes);
	}

	private void storeBackupCodes(UserId user, List<String> codes) {
		Instant now = Instant.now(clock);
		codes.forEach(code -> backupCodes.save(new BackupCode(hash(user, code.replace("-", "")), user.value(), now)));
	}

	private static String hash(UserId user, String code) {
		return Digests.sha256Hex(user.value() + ":" + code.toLowerCase(Locale.ROOT));
	}

	private static String associated(UserId user) {
		return TenantContext.require().value() + ":" + user.value();
	}

	private static @Nullable UserId currentUserId() {
		return CurrentUser.current().map(CurrentUser::id).orElse(null);
	}

	private byte[] randomBytes(int count) {
		byte[] bytes = new byte[count];
		random.nextBytes(bytes);
		return bytes;
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private static String qrPng(String uri) {
		try {
			BitMatrix matrix = new QRCodeWriter().encode(uri, BarcodeFormat.QR_CODE, 240, 240,
					Map.of(EncodeHintType.MARGIN, 2));
			ByteArrayOutputStream png = new ByteArrayOutputStream();
			MatrixToImageWriter.writeToStream(matrix, "PNG", png);
			return Base64.getEncoder().encodeToString(png.toByteArray());
		}
		catch (WriterException | IOException ex) {
			throw new IllegalStateException("Cannot render the QR code", ex);
		}
	}

	private static ProblemException invalidCode() {
		return new ProblemException(HttpStatus.BAD_REQUEST, INVALID_CODE,
				"The code is not correct or was already used");
	}

	/**
	 * A user's second factor changed: enrolled, disabled, reset by an administrator,
	 * codes regenerated or used.
	 */
	public record MfaChanged(TenantId tenantId, UserId userId, String change, @Nullable UserId by) {
	}

}
