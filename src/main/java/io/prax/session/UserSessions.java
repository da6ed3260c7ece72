package io.prax.session;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface UserSessions extends JpaRepository<UserSession, UUID> {

	List<UserSession> findByUserIdAndRevokedAtIsNull(UUID userId);
}
