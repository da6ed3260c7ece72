package io.prax.identity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface Users extends JpaRepository<User, UUID> {

	Optional<User> findByEmail(String email);

	List<User> findAllByOrderByNameAsc();
}
