package io.prax.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.prax.platform.PraxProperties;
import io.prax.platform.SecretFiles;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The Ed25519 key that signs checkpoints, and the retired keys that signed older ones.
 * Generated on first start into the keys directory (owner-only), never stored in the
 * database, so whoever can write the database cannot re-sign a rewritten chain.
 * {@link #rotate(Path)} keeps the current public key as
 * {@code audit-checkpoint-ed25519.<fingerprint>.pem} (public key only: a retired key
 * verifies but can never sign again) and makes a new current key. Every node re-reads the
 * directory when its key files change, so a rotation by one node or by
 * {@code audit-rotate-key} is picked up without a restart.
 */
@Component
class AuditSigningKey {

	static final String FILE = "audit-checkpoint-ed25519.pem";
	static final String PREFIX = "audit-checkpoint-ed25519.";

	private static final Pattern RETIRED = Pattern.compile("audit-checkpoint-ed25519\\.([0-9a-f]{16})\\.pem");

	private static final Pattern PRIVATE = Pattern
		.compile("-----BEGIN PRIVATE KEY-----([^-]+)-----END PRIVATE KEY-----");

	private static final Pattern PUBLIC = Pattern.compile("-----BEGIN PUBLIC KEY-----[^-]+-----END PUBLIC KEY-----");

	/** The current key pair, and every retired public key, newest first. */
	record Ring(PrivateKey privateKey, PublicKey publicKey, List<PublicKey> retired) {

		/** The current key first, then the retired ones. */
		List<PublicKey> verificationKeys() {
			List<PublicKey> keys = new ArrayList<>(List.of(publicKey));
			keys.addAll(retired);
			return List.copyOf(keys);
		}
	}

	private final Path dir;

	private volatile @Nullable String stamp;

	private volatile @Nullable Ring ring;

	AuditSigningKey(PraxProperties properties) {
		this.dir = properties.resolvedKeysDir();
		SecretFiles.readOrCreate(dir.resolve(FILE), AuditSigningKey::generate);
		ring();
	}

	/**
	 * The keys as the directory has them now; read again only when a key file changed.
	 */
	Ring ring() {
		String now = stamp(dir);
		Ring current = ring;
		if (current != null && now.equals(stamp)) {
			return current;
		}
		synchronized (this) {
			if (ring == null || !now.equals(stamp)) {
				ring = load(dir);
				stamp = now;
			}
			return ring;
		}
	}

	/** Every key whose checkpoints verify: the signing key and the retired ones. */
	List<PublicKey> verificationKeys() {
		return ring().verificationKeys();
	}

	/**
	 * Retires the current key and starts signing with a new one; answers the new ring.
	 */
	synchronized Ring rotate() {
		rotate(dir);
		ring = null;
		return ring();
	}

	/**
	 * The fingerprints of the new key and of the retired one (null when there was no key
	 * yet).
	 */
	record Rotation(String current, @Nullable String retired) {
	}

	/**
	 * Keeps the current public key as a retired key file, then replaces the current key
	 * pair by a new one, each file written atomically: at no moment is a key that signed
	 * checkpoints missing.
	 */
	static Rotation rotate(Path dir) {
		try {
			Path file = dir.resolve(FILE);
			String retired = null;
			if (Files.exists(file)) {
				PublicKey old = publicPart(Files.readString(file, StandardCharsets.UTF_8), file);
				retired = fingerprint(old);
				SecretFiles.write(dir.resolve(PREFIX + retired + ".pem"), SignedNote.pem(old));
			}
			String pem = generate();
			SecretFiles.write(file, pem);
			return new Rotation(fingerprint(publicPart(pem, file)), retired);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot rotate the audit checkpoint key in " + dir, ex);
		}
	}

	/**
	 * A tenant-independent name of a key: the first 8 bytes of SHA-256 of the raw public
	 * key, in hex.
	 */
	static String fingerprint(PublicKey key) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(SignedNote.rawPublicKey(key));
			return HexFormat.of().formatHex(digest, 0, 8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

	private static Ring load(Path dir) {
		Path file = dir.resolve(FILE);
		String pem = SecretFiles.readOrCreate(file, AuditSigningKey::generate);
		Matcher privatePem = PRIVATE.matcher(pem);
		if (!privatePem.find()) {
			throw new IllegalStateException("Not an Ed25519 key pair in PEM: " + file);
		}
		PrivateKey privateKey;
		try {
			privateKey = KeyFactory.getInstance(SignedNote.ALGORITHM)
				.generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(privatePem.group(1))));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Not an Ed25519 private key: " + file, ex);
		}
		PublicKey publicKey = publicPart(pem, file);
		List<Path> retiredFiles = retiredFiles(dir);
		List<PublicKey> retired = new ArrayList<>();
		for (Path retiredFile : retiredFiles) {
			try {
				PublicKey key = publicPart(Files.readString(retiredFile, StandardCharsets.UTF_8), retiredFile);
				if (!key.equals(publicKey)) {
					retired.add(key);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read retired audit key " + retiredFile, ex);
			}
		}
		return new Ring(privateKey, publicKey, List.copyOf(retired));
	}

	/** Retired key files, newest first. */
	private static List<Path> retiredFiles(Path dir) {
		List<Path> files = new ArrayList<>();
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, PREFIX + "*.pem")) {
			for (Path entry : entries) {
				if (RETIRED.matcher(entry.getFileName().toString()).matches()) {
					files.add(entry);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list " + dir, ex);
		}
		files.sort(Comparator.comparing(AuditSigningKey::modifiedMillis).reversed().thenComparing(Path::toString));
		return files;
	}

	private static String stamp(Path dir) {
		StringBuilder stamp = new StringBuilder();
		Path file = dir.resolve(FILE);
		stamp.append(modified(file)).append(';');
		for (Path retired : retiredFiles(dir)) {
			stamp.append(retired.getFileName()).append('@').append(modified(retired)).append(';');
		}
		return stamp.toString();
	}

	private static String modified(Path file) {
		try {
			return Files.getLastModifiedTime(file).toMillis() + "/" + Files.size(file);
		}
		catch (IOException ex) {
			return "missing";
		}
	}

	private static long modifiedMillis(Path file) {
		try {
			return Files.getLastModifiedTime(file).toMillis();
		}
		catch (IOException ex) {
			return 0;
		}
	}

	private static PublicKey publicPart(String pem, Path file) {
		Matcher publicPem = PUBLIC.matcher(pem);
		if (!publicPem.find()) {
			throw new IllegalStateException("No Ed25519 public key in PEM: " + file);
		}
		return SignedNote.fromPem(publicPem.group());
	}

	private static String generate() {
		try {
			KeyPair pair = KeyPairGenerator.getInstance(SignedNote.ALGORITHM).generateKeyPair();
			return "-----BEGIN PRIVATE KEY-----\n"
					+ Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded())
					+ "\n-----END PRIVATE KEY-----\n" + SignedNote.pem(pair.getPublic());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Ed25519 is part of every JDK 15+", ex);
		}
	}

}
