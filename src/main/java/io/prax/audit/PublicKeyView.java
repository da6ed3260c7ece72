package io.prax.audit;

/**
 * A checkpoint verification key: PEM (SubjectPublicKeyInfo), and the signed-note verifier
 * key {@code <origin>+<key id>+<base64>} that note tools accept. {@code current} is the
 * key signing new checkpoints; the others are retired keys that signed older ones.
 */
public record PublicKeyView(String keyId, String algorithm, String publicKeyPem, String verifierKey, boolean current) {
}
