package io.prax.identity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import io.prax.platform.PraxProperties;
import org.springframework.stereotype.Component;

/**
 * Encrypts TOTP secrets with AES-256-GCM under a key of the keys directory (generated
 * owner-only on first start). The tenant and user are the associated data, so a
 * ciphertext copied to another user's row does not decrypt.
 */
@Component
class TotpSecretCipher {

	private static final String PREFIX = "v1:";

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecretKey key;

	private final SecureRandom random = new SecureRandom();

	TotpSecretCipher(PraxProperties properties) {
		String encoded = io.prax.platform.SecretFiles
			.readOrCreate(properties.resolvedKeysDir().resolve("totp-secret-key"), () -> {
				byte[] bytes = new byte[32];
				random.nextBytes(bytes);
				return Base64.getEncoder().encodeToString(bytes);
			});
		byte[] bytes = Base64.getDecoder().decode(encoded);
		if (bytes.length != 32) {
			throw new IllegalStateException("The TOTP secret key must be 256 bits");
		}
		this.key = new SecretKeySpec(bytes, "AES");
	}

	String encrypt(String secret, String associated) {
		try {
			byte[] iv = new byte[IV_BYTES];
			random.nextBytes(iv);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
			cipher.updateAAD(associated.getBytes(StandardCharsets.UTF_8));
			byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
			return PREFIX + Base64.getEncoder()
				.encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot encrypt a TOTP secret", ex);
		}
	}

	String decrypt(String stored, String associated) {
		if (!stored.startsWith(PREFIX)) {
			throw new IllegalStateException("Unknown TOTP secret format");
		}
		try {
			byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
			cipher.updateAAD(associated.getBytes(StandardCharsets.UTF_8));
			return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot decrypt a TOTP secret", ex);
		}
	}

}
