package io.prax.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The application-wide {@code PRAX_*} settings, bound through application.yml; a module's
 * own settings are its own {@code *Properties} record (e.g. {@code prax.sign-in},
 * {@code prax.audit}, {@code prax.rate-limits}). The README's configuration table lists
 * every one ({@code ConfigurationDocumentedTests}).
 *
 * @param dataDir embedded database, keys and files
 * @param keysDir token signing keys and generated database passwords; blank means
 * {@code dataDir/keys}
 * @param publicUrl base of links in mails
 * @param demo fill the demo workspace {@code acme}
 * @param signupEnabled allow anyone to create a workspace
 * @param trustedProxies reverse proxies (addresses and CIDR ranges, comma-separated)
 * whose forwarded headers are believed
 * @param securityContact the {@code Contact} of security.txt; blank means
 * {@code mailto:security@<host>}
 */
@ConfigurationProperties("prax")
public record PraxProperties(Path dataDir, @Nullable Path keysDir, String publicUrl, Database database,
		Bootstrap bootstrap, boolean demo, boolean signupEnabled, Mail mail,
		@DefaultValue("127.0.0.0/8,::1") String trustedProxies, @Nullable String securityContact,
		@DefaultValue Cors cors, @DefaultValue Http http) {

	public Path resolvedKeysDir() {
		return keysDir != null && !keysDir.toString().isBlank() ? keysDir : dataDir.resolve("keys");
	}

	/**
	 * External PostgreSQL; when {@code url} is blank an embedded server is started under
	 * the data directory.
	 *
	 * @param poolSize the application's connections per node, at most (the owner's are
	 * opened only to migrate)
	 */
	public record Database(@Nullable String url, @Nullable String user, @Nullable String password,
			@Nullable String ownerUser, @Nullable String ownerPassword, @DefaultValue("10") int poolSize) {

		public boolean external() {
			return url != null && !url.isBlank();
		}
	}

	public record Bootstrap(@Nullable String tenant, @Nullable String adminEmail, @Nullable String adminPassword) {

		public boolean configured() {
			return tenant != null && !tenant.isBlank() && adminEmail != null && !adminEmail.isBlank()
					&& adminPassword != null && !adminPassword.isBlank();
		}
	}

	/**
	 * @param dispatchInterval how often the mail outbox is sent
	 */
	public record Mail(@Nullable String smtpHost, int smtpPort, @Nullable String smtpUsername,
			@Nullable String smtpPassword, boolean smtpTls, String from,
			@DefaultValue("3s") Duration dispatchInterval) {

		public boolean smtpConfigured() {
			return smtpHost != null && !smtpHost.isBlank();
		}
	}

	/**
	 * @param allowedOrigins exact origins whose browser code may call the API; none by
	 * default
	 */
	public record Cors(@DefaultValue List<String> allowedOrigins) {
	}

	/**
	 * @param maxJsonBody largest JSON request body
	 */
	public record Http(@DefaultValue("1MB") DataSize maxJsonBody) {
	}
}
