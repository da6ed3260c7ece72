package io.prax.invoicing;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface Companies extends JpaRepository<CompanyDetails, UUID> {

}
