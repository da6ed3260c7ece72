package io.prax.session;

import org.springframework.data.jpa.repository.JpaRepository;

interface RefreshTokens extends JpaRepository<RefreshToken, String> {
}
