package io.prax.audit;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.prax.platform.PraxProperties;
import io.prax.platform.SecretFiles;
import org.springframework.stereotype.Component;

/**
 * The Ed25519 key that signs checkpoints. Generated on first start into the keys directory
 * (owner-only), never stored in the database, so whoever can write the database cannot re-sign a
 * rewritten chain.
 */
@Component
class AuditSigningKey {

	static final String FILE = "audit-checkpoint-ed25519.pem";
	private static final Pattern PRIVATE = Pattern.compile("-----BEGIN PRIVATE KEY-----([^-]+)-----END PRIVATE KEY-----");
	private static final Pattern PUBLIC = Pattern.compile("-----BEGIN PUBLIC KEY-----[^-]+-----END PUBLIC KEY-----");

	private final PrivateKey privateKey;
	private final PublicKey publicKey;

	AuditSigningKey(PraxProperties properties) {
		Path file = properties.resolvedKeysDir().resolve(FILE);
		String pem = SecretFiles.readOrCreate(file, AuditSigningKey::generate);
		Matcher privatePem = PRIVATE.matcher(pem);
		Matcher publicPem = PUBLIC.matcher(pem);
		if (!privatePem.find() || !publicPem.find()) {
			throw new IllegalStateException("Not an Ed25519 key pair in PEM: " + file);
		}
		try {
			this.privateKey = KeyFactory.getInstance(SignedNote.ALGORITHM)
				.generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(privatePem.group(1))));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Not an Ed25519 private key: " + file, ex);
		}
		this.publicKey = SignedNote.fromPem(publicPem.group());
	}

	PrivateKey privateKey() {
		return privateKey;
	}

	PublicKey publicKey() {
		return publicKey;
	}

	/** Every key whose checkpoints verify: today the one signing key. */
	List<PublicKey> verificationKeys() {
		return List.of(publicKey);
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
