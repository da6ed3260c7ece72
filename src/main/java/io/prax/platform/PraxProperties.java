package io.prax.platform;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Every {@code PRAX_*} setting, bound through application.yml. */
@ConfigurationProperties("prax")
public record PraxProperties(Path dataDir, @Nullable Path keysDir, String publicUrl, Database database,
		Bootstrap bootstrap, boolean demo, boolean signupEnabled, Mail mail) {

	public Path resolvedKeysDir() {
		return keysDir != null && !keysDir.toString().isBlank() ? keysDir : dataDir.resolve("keys");
	}

	/** External PostgreSQL; when {@code url} is blank an embedded server is started under the data directory. */
	public record Database(@Nullable String url, @Nullable String user, @Nullable String password,
			@Nullable String ownerUser, @Nullable String ownerPassword) {

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

	public record Mail(@Nullable String smtpHost, int smtpPort, @Nullable String smtpUsername,
			@Nullable String smtpPassword, boolean smtpTls, String from) {

		public boolean smtpConfigured() {
			return smtpHost != null && !smtpHost.isBlank();
		}
	}
}
