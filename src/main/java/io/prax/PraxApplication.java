package io.prax;

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
		SpringApplication.run(PraxApplication.class, args);
	}
}
