package io.prax.session;

import static java.util.Objects.requireNonNull;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.prax.platform.Digests;
import io.prax.platform.PraxProperties;
import io.prax.platform.SecretFiles;
import io.prax.tenancy.TenantId;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/**
 * Signs and verifies the 15-minute access tokens (ES256 JWT carrying {@code sub},
 * {@code tid}, {@code sid}). The signing keys live in the keys directory, generated on
 * first start; verification selects the key by {@code kid}, so a new key can be added in
 * front of the old one to rotate. A token this node verified once is remembered until it
 * expires, keyed by its SHA-256 (never the token itself), so its ES256 signature is
 * checked once per node, not on every request; whether its session is still live is
 * decided afresh by every request.
 */
@Component
class AccessTokens {

	static final Duration LIFETIME = Duration.ofMinutes(15);

	private static final String ISSUER = "prax";

	private final Clock clock;

	private final ECKey signingKey;

	private final NimbusJwtEncoder encoder;

	private final NimbusJwtDecoder decoder;

	/** What a verified token said and until when it holds. */
	private record Verified(Claims claims, Instant expiresAt) {
	}

	private final Cache<String, Verified> verified;

	AccessTokens(PraxProperties properties, Clock clock) {
		this.clock = clock;
		JWKSet keys = loadOrCreate(properties.resolvedKeysDir().resolve("jwt-signing-keys.json"));
		this.signingKey = (ECKey) keys.getKeys().get(0);
		ImmutableJWKSet<SecurityContext> source = new ImmutableJWKSet<>(keys);
		this.encoder = new NimbusJwtEncoder(source);
		DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
		processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, source));
		processor.setJWTClaimsSetVerifier((claims, context) -> {
			// expiry and issuer are checked by the validators below, against the
			// application clock
		});
		this.decoder = new NimbusJwtDecoder(processor);
		JwtTimestampValidator expiry = new JwtTimestampValidator(Duration.ZERO);
		expiry.setClock(clock);
		this.decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(expiry, new JwtIssuerValidator(ISSUER)));
		this.verified = Caffeine.newBuilder()
			.maximumSize(100_000)
			.expireAfter(Expiry.<String, Verified>creating((hash, token) -> {
				Duration left = Duration.between(Instant.now(clock), token.expiresAt());
				return left.isNegative() ? Duration.ZERO : left;
			}))
			.build();
	}

	String issue(UUID userId, TenantId tenant, SessionId session) {
		Instant now = Instant.now(clock);
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(ISSUER)
			.subject(userId.toString())
			.claim("tid", tenant.toString())
			.claim("sid", session.toString())
			.issuedAt(now)
			.expiresAt(now.plus(LIFETIME))
			.id(UUID.randomUUID().toString())
			.build();
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.ES256).keyId(signingKey.getKeyID()).build();
		return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
	}

	/**
	 * The verified claims; throws {@link Rejected} with the reason a caller can be told.
	 */
	Claims verify(String token) {
		String hash = Digests.sha256Hex(token);
		Verified known = verified.getIfPresent(hash);
		if (known != null) {
			// Expiry is judged by the application clock, as the validator does, not by
			// the cache's.
			if (Instant.now(clock).isAfter(known.expiresAt())) {
				verified.invalidate(hash);
				throw new Rejected("token_expired");
			}
			return known.claims();
		}
		try {
			Jwt jwt = decoder.decode(token);
			Claims claims = new Claims(UUID.fromString(jwt.getSubject()),
					TenantId.of(requireNonNull(jwt.getClaimAsString("tid"))),
					new SessionId(UUID.fromString(jwt.getClaimAsString("sid"))));
			Instant expiresAt = jwt.getExpiresAt();
			if (expiresAt != null) {
				verified.put(hash, new Verified(claims, expiresAt));
			}
			return claims;
		}
		catch (JwtValidationException ex) {
			boolean expired = ex.getErrors()
				.stream()
				.anyMatch(e -> String.valueOf(e.getDescription()).contains("expired"));
			throw new Rejected(expired ? "token_expired" : "invalid_token");
		}
		catch (JwtException | IllegalArgumentException | NullPointerException ex) {
			throw new Rejected("invalid_token");
		}
	}

	/** How many verified tokens this node remembers (tests). */
	long rememberedTokens() {
		verified.cleanUp();
		return verified.estimatedSize();
	}

	record Claims(UUID userId, TenantId tenant, SessionId session) {
	}

	/** A token that must not be honoured, with a stable reason code. */
	static final class Rejected extends RuntimeException {

		private final String code;

		Rejected(String code) {
			super(code, null, false, false);
			this.code = code;
		}

		String code() {
			return code;
		}

	}

	private static JWKSet loadOrCreate(Path file) {
		String json = SecretFiles.readOrCreate(file, () -> {
			try {
				ECKey key = new ECKeyGenerator(Curve.P_256).keyIDFromThumbprint(true).generate();
				return new JWKSet(key).toString(false);
			}
			catch (JOSEException ex) {
				throw new IllegalStateException("Cannot generate the token signing key", ex);
			}
		});
		try {
			return JWKSet.parse(json);
		}
		catch (ParseException ex) {
			throw new IllegalStateException("The token signing key file " + file + " is not a JWK set", ex);
		}
	}

}
