package io.prax.access;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface UserAccesses extends JpaRepository<UserAccess, UUID> {

}
