package io.prax.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives every test JVM its own empty data directory (database, keys), so runs never share
 * state.
 */
public class TestDataDirectory implements EnvironmentPostProcessor {

	private static final Path DIRECTORY = create();

	public static Path path() {
		return DIRECTORY;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		environment.getPropertySources()
			.addLast(new MapPropertySource("prax-test", java.util.Map.of("prax.test.data-dir", DIRECTORY.toString())));
	}

	private static Path create() {
		try {
			Path dir = Files.createTempDirectory("prax-test-");
			Runtime.getRuntime()
				.addShutdownHook(
						new Thread(() -> org.springframework.util.FileSystemUtils.deleteRecursively(dir.toFile())));
			return dir;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
