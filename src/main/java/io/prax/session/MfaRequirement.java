package io.prax.session;

import java.util.List;

/**
 * Who must use MFA: always the ADMIN tier and the ADMIN and REVIEWER roles, plus what the
 * tenant adds.
 */
public record MfaRequirement(List<String> alwaysRequiredFor, List<String> requiredRoles, boolean requiredForEveryone) {
}
