package io.prax.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/**
 * C2SP signed-note checkpoints (c2sp.org/tlog-checkpoint, c2sp.org/signed-note): the body
 * {@code "<origin>\n<size>\n<base64 root hash>\n"} signed with Ed25519, followed by a
 * blank line and the signature line
 * {@code "— <key name> <base64(key id || signature)>\n"}. The key name is the origin, the
 * key id the first 4 bytes of SHA-256(name || 0x0A || 0x01 || raw public key).
 */
final class SignedNote {

	static final String ALGORITHM = "Ed25519";

	/** DER prefix of an X.509 SubjectPublicKeyInfo holding a raw 32-byte Ed25519 key. */
	private static final int X509_PREFIX = 12;

	private SignedNote() {
	}

	static String origin(UUID tenant) {
		return "prax.io/audit/" + tenant;
	}

	static String body(UUID tenant, long size, String checksumHex) {
		return origin(tenant) + "\n" + size + "\n"
				+ Base64.getEncoder().encodeToString(HexFormat.of().parseHex(checksumHex)) + "\n";
	}

	static byte[] rawPublicKey(PublicKey key) {
		byte[] encoded = key.getEncoded();
		return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
	}

	static PublicKey publicKey(byte[] x509) {
		try {
			return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(x509));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("Not an Ed25519 public key", ex);
		}
	}

	static byte[] keyHash(String name, PublicKey key) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			sha256.update(name.getBytes(StandardCharsets.UTF_8));
			sha256.update((byte) 0x0A);
			sha256.update((byte) 0x01);
			sha256.update(rawPublicKey(key));
			return Arrays.copyOf(sha256.digest(), 4);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String keyId(UUID tenant, PublicKey key) {
		return HexFormat.of().formatHex(keyHash(origin(tenant), key));
	}

	/** The note verifier key: {@code <name>+<hex key id>+<base64(0x01 || raw key)>}. */
	static String verifierKey(UUID tenant, PublicKey key) {
		byte[] raw = rawPublicKey(key);
		byte[] typed = ByteBuffer.allocate(33).put((byte) 0x01).put(raw).array();
		return origin(tenant) + "+" + keyId(tenant, key) + "+" + Base64.getEncoder().encodeToString(typed);
	}

	static byte[] sign(PrivateKey key, String body) {
		try {
			Signature ed25519 = Signature.getInstance(ALGORITHM);
			ed25519.initSign(key);
			ed25519.update(body.getBytes(StandardCharsets.UTF_8));
			return ed25519.sign();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot sign the checkpoint", ex);
		}
	}

	static String note(UUID tenant, String body, PublicKey key, byte[] signature) {
		byte[] line = ByteBuffer.allocate(4 + signature.length)
			.put(keyHash(origin(tenant), key))
			.put(signature)
			.array();
		return body + "\n\u2014 " + origin(tenant) + " " + Base64.getEncoder().encodeToString(line) + "\n";
	}

	static boolean verify(PublicKey key, String body, byte[] signature) {
		try {
			Signature ed25519 = Signature.getInstance(ALGORITHM);
			ed25519.initVerify(key);
			ed25519.update(body.getBytes(StandardCharsets.UTF_8));
			return ed25519.verify(signature);
		}
		catch (GeneralSecurityException ex) {
			return false;
		}
	}

	static String pem(PublicKey key) {
		return "-----BEGIN PUBLIC KEY-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
				+ "\n-----END PUBLIC KEY-----\n";
	}

	static PublicKey fromPem(String pem) {
		String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
		return publicKey(Base64.getDecoder().decode(base64));
	}

}
