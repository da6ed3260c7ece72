package io.prax.identity;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test vectors of RFC 6238, appendix B, and the Base32 secrets authenticator apps
 * read.
 */
class TotpTests {

	private static final byte[] SHA1_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] SHA256_SEED = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] SHA512_SEED = "1234567890123456789012345678901234567890123456789012345678901234"
		.getBytes(StandardCharsets.US_ASCII);

	@Test
	void rfc6238TestVectors() {
		long[] times = { 59L, 1111111109L, 1111111111L, 1234567890L, 2000000000L, 20000000000L };
		String[] sha1 = { "94287082", "07081804", "14050471", "89005924", "69279037", "65353130" };
		String[] sha256 = { "46119246", "68084774", "67062674", "91819424", "90698825", "77737706" };
		String[] sha512 = { "90693936", "25091201", "99943326", "93441116", "38618901", "47863826" };
		for (int i = 0; i < times.length; i++) {
			long step = Totp.step(Instant.ofEpochSecond(times[i]));
			assertThat(Totp.code(SHA1_SEED, step, 8, "HmacSHA1")).as("SHA1 at %d", times[i]).isEqualTo(sha1[i]);
			assertThat(Totp.code(SHA256_SEED, step, 8, "HmacSHA256")).as("SHA256 at %d", times[i]).isEqualTo(sha256[i]);
			assertThat(Totp.code(SHA512_SEED, step, 8, "HmacSHA512")).as("SHA512 at %d", times[i]).isEqualTo(sha512[i]);
		}
	}

	@Test
	void sixDigitCodesOfABase32Secret() {
		// The RFC's SHA1 seed in Base32, as an authenticator app would be given it.
		String secret = Totp.base32Encode(SHA1_SEED);
		assertThat(secret).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
		assertThat(Totp.base32Decode(secret)).isEqualTo(SHA1_SEED);
		assertThat(Totp.code(secret, Totp.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
	}

}
