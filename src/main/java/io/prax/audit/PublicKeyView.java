package io.prax.audit;

/**
 * A checkpoint verification key: PEM (SubjectPublicKeyInfo), and the signed-note verifier key
 * {@code <origin>+<key id>+<base64>} that note tools accept.
 */
public record PublicKeyView(String keyId, String algorithm, String publicKeyPem, String verifierKey) {
}
