package io.prax.session;

import io.prax.tenancy.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * A password sign-in was refused. {@code tenantId} is null when the workspace does not
 * exist; {@code reason} is one of {@code unknown_tenant},
 * {@code unknown_user_or_wrong_password}, {@code account_locked} (temporarily, after
 * repeated failures; the caller got 429 {@code too_many_attempts}). Published after the
 * refused sign-in's transaction ended, so a listener must write in its own transaction.
 */
public record SignInFailed(@Nullable TenantId tenantId, String email, String reason, @Nullable String ip,
		@Nullable String userAgent) {

	static SignInFailed of(@Nullable TenantId tenantId, @Nullable String email, String reason, ClientInfo client) {
		return new SignInFailed(tenantId, email == null ? "" : email, reason, client.ip(), client.userAgent());
	}

}
