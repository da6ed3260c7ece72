package io.prax.audit;

/**
 * A record whose binding does not hold: {@code problem} is a stable code such as
 * {@code signed_record_changed}, {@code signature_changed} or
 * {@code signature_not_recorded}.
 */
public record IntegrityProblem(String problem, String entityType, String entityId, String detail) {
}
