package io.prax.identity;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.AuditorAware;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

	/**
	 * Argon2id with OWASP parameters (19 MiB, 2 iterations, 1 lane) for every new hash;
	 * bcrypt and PBKDF2 hashes of imported users still verify and are upgraded at the
	 * next login.
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		Map<String, PasswordEncoder> encoders = Map.of("argon2", new Argon2PasswordEncoder(16, 32, 1, 19456, 2),
				"bcrypt", new BCryptPasswordEncoder(), "pbkdf2",
				Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8());
		return new DelegatingPasswordEncoder("argon2", encoders);
	}

	/**
	 * Fills created_by / updated_by with the signed-in user; start-up and sign-up work
	 * has no user.
	 */
	@Bean
	AuditorAware<UUID> auditorAware() {
		return () -> CurrentUser.current().map(user -> user.id().value()).or(Optional::empty);
	}

}
