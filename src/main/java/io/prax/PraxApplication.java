package io.prax;

import io.prax.audit.AuditExportVerifier;
import io.prax.audit.AuditKeyRotation;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Prax: a multi-tenant CRM and back-office with security and compliance by default. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class PraxApplication {

	public static void main(String[] args) {
		if (args.length > 0 && args[0].equals(AuditExportVerifier.COMMAND)) {
			// Offline verification trusts nothing of the server, so it starts none of it.
			System.exit(AuditExportVerifier.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.out,
					System.err));
		}
		if (args.length > 0 && args[0].equals(AuditKeyRotation.COMMAND)) {
			System.exit(AuditKeyRotation.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.getenv(),
					System.out, System.err));
		}
		SpringApplication.run(PraxApplication.class, args);
	}

}
