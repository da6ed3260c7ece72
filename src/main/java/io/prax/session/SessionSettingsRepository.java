package io.prax.session;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface SessionSettingsRepository extends JpaRepository<SessionSettings, UUID> {

}
