package io.prax.approval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stylesheet uses only the theme's own custom properties: a token that is never
 * defined (such as {@code --color-success}) silently falls back and ignores the theme.
 */
class ApprovalStylesheetTests {

	private static final Path CSS = Path.of("src/main/resources/static/css/prax.css");

	@Test
	void everyCustomPropertyUsedIsDefinedByTheTheme() throws IOException {
		String css = Files.readString(CSS, StandardCharsets.UTF_8);
		Set<String> defined = new TreeSet<>();
		Matcher definitions = Pattern.compile("(--[a-z0-9-]+)\\s*:").matcher(css);
		while (definitions.find()) {
			defined.add(definitions.group(1));
		}
		Set<String> undefined = new TreeSet<>();
		Matcher uses = Pattern.compile("var\\(\\s*(--[a-z0-9-]+)").matcher(css);
		while (uses.find()) {
			if (!defined.contains(uses.group(1))) {
				undefined.add(uses.group(1));
			}
		}
		assertThat(undefined).isEmpty();
	}

}
