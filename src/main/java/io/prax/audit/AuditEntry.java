package io.prax.audit;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import io.prax.identity.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.node.ObjectNode;

/** An event to append to the current tenant's chain: who, what, and why. */
record AuditEntry(Actor actor, String action, @Nullable String entityType, @Nullable String entityId,
		@Nullable ObjectNode changes, @Nullable String reason) {

	/**
	 * Who acted and from where; every part may be unknown (start-up jobs, failed
	 * sign-ins).
	 */
	record Actor(@Nullable UUID id, @Nullable String name, @Nullable String tier, @Nullable UUID sessionId,
			@Nullable String ip, @Nullable String userAgent) {

		/**
		 * The signed-in user of this thread, and the client of the request being served,
		 * if any.
		 */
		static Actor current() {
			HttpServletRequest request = request();
			String ip = request == null ? null : request.getRemoteAddr();
			String userAgent = request == null ? null : request.getHeader("User-Agent");
			return CurrentUser.current()
				.map(user -> new Actor(user.id().value(), user.name(), user.tier().name(), user.sessionId(), ip,
						userAgent))
				.orElseGet(() -> new Actor(null, null, null, null, ip, userAgent));
		}

		Actor from(@Nullable String ip, @Nullable String userAgent) {
			return new Actor(id, name, tier, sessionId, ip != null ? ip : this.ip,
					userAgent != null ? userAgent : this.userAgent);
		}

		private static @Nullable HttpServletRequest request() {
			if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
				return attributes.getRequest();
			}
			return null;
		}
	}
}
