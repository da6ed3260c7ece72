package io.prax.session;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface UserSessions extends JpaRepository<UserSession, UUID> {

	List<UserSession> findByUserIdAndRevokedAtIsNull(UUID userId);

	List<UserSession> findByRevokedAtIsNullAndExpiresAtAfterOrderByLastSeenAtDesc(Instant now);

	List<UserSession> findByUserIdAndRevokedAtIsNullAndExpiresAtAfterOrderByLastSeenAtDesc(UUID userId, Instant now);

	@Modifying
	@Query("update UserSession s set s.lastSeenAt = :at, s.ip = coalesce(:ip, s.ip) where s.id = :id and s.lastSeenAt < :at")
	int touch(UUID id, Instant at, @Nullable String ip);

}
