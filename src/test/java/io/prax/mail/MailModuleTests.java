package io.prax.mail;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.prax.platform.RequestAuthenticationFilter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.AuditorAware;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The mail module started alone with what it may use (platform, tenancy: the embedded
 * PostgreSQL), none of the other modules: the outbox is written only inside the caller's
 * transaction.
 */
// tenancy is a type dependency only (TenantContext); its beans bring the database
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "tenancy")
@TestPropertySource(properties = { "prax.data-dir=${prax.test.data-dir}", "prax.public-url=http://localhost",
		"prax.mail.dispatch-interval=1h" })
class MailModuleTests {

	/**
	 * Stand-ins for what platform's wiring names from other modules: identity's auditor
	 * (the signed-in user) and session's authentication filter (here nobody signs in).
	 */
	@TestConfiguration
	static class WithoutIdentityAndSessions {

		@Bean
		AuditorAware<UUID> auditorAware() {
			return Optional::empty;
		}

		@Bean
		RequestAuthenticationFilter anonymous() {
			return new RequestAuthenticationFilter() {

				@Override
				protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
						FilterChain chain) throws ServletException, IOException {
					chain.doFilter(request, response);
				}
			};
		}

	}

	@Autowired
	ApplicationContext context;

	@Autowired
	MailOutbox outbox;

	@Autowired
	OutboxMessages messages;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void startsWithoutTheOtherModules() {
		assertThat(context.containsBean("mailOutbox")).isTrue();
		assertThat(context.containsBean("customerManagement")).isFalse();
		assertThat(context.containsBean("sessionManagement")).isFalse();
		assertThat(context.containsBean("identityManagement")).isFalse();
	}

	@Test
	void enqueuesOnlyInsideTheCallersTransaction() {
		assertThatThrownBy(() -> outbox.enqueue("nobody@example.com", "Subject", "Body"))
			.isInstanceOf(IllegalTransactionStateException.class);

		long before = messages.count();
		transactions.executeWithoutResult(status -> outbox.enqueue("someone@example.com", "Subject", "Body"));

		assertThat(messages.count()).isEqualTo(before + 1);
	}

	@Test
	void writesTheBodyFromATextTemplateWithTheValuesAsTheyAre() {
		String recipient = "template-" + UUID.randomUUID() + "@example.com";
		transactions.executeWithoutResult(
				status -> outbox.enqueue(recipient, "Subject", "approval/mail-signature-failed",
						Map.of("workspace", "Acme <Corp>", "detail",
								"Ada tried to sign approval 1 with a wrong password.", "time", "2026-12-01 14:00 UTC",
								"link", "http://localhost/approvals/1")));

		String body = messages.findAll()
			.stream()
			.filter(message -> message.recipient().equals(recipient))
			.findFirst()
			.orElseThrow()
			.body();
		assertThat(body).isEqualTo("A signature attempt failed in your Prax workspace Acme <Corp>.\n\n"
				+ "Ada tried to sign approval 1 with a wrong password.\nTime: 2026-12-01 14:00 UTC\n\n"
				+ "Review it: http://localhost/approvals/1\n");
	}

}
