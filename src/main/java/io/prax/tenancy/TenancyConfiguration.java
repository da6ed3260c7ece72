package io.prax.tenancy;

import java.util.UUID;

import jakarta.persistence.EntityManagerFactory;

import org.hibernate.cfg.MultiTenancySettings;
import org.hibernate.context.spi.CurrentTenantIdentifierResolver;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Wires the tenant context into Hibernate's {@code @TenantId} and into every transaction.
 */
@Configuration(proxyBeanMethods = false)
class TenancyConfiguration {

	@Bean
	PlatformTransactionManager transactionManager(EntityManagerFactory emf) {
		return new TenantScopedTransactionManager(emf);
	}

	@Bean
	HibernatePropertiesCustomizer tenantIdentifierResolver() {
		CurrentTenantIdentifierResolver<UUID> resolver = new CurrentTenantIdentifierResolver<>() {

			@Override
			public UUID resolveCurrentTenantIdentifier() {
				return TenantContext.currentOrNone();
			}

			@Override
			public boolean validateExistingCurrentSessions() {
				return true;
			}
		};
		return properties -> properties.put(MultiTenancySettings.MULTI_TENANT_IDENTIFIER_RESOLVER, resolver);
	}

}
