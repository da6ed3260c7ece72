package io.prax.identity;

import org.springframework.data.jpa.repository.JpaRepository;

interface PasswordTokens extends JpaRepository<PasswordToken, String> {
}
