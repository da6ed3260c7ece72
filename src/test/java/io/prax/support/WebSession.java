package io.prax.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * A browser's session without a browser: the access cookie, the cookies the server sets
 * (the CSRF cookie) and form posts with the page's CSRF token. Redirects are not
 * followed. An address sent as {@code X-Forwarded-For} (the test server trusts loopback)
 * keeps the address counters of one test apart from the others'.
 */
public final class WebSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern CSRF_META = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private final String base;

	private final Map<String, String> cookies = new LinkedHashMap<>();

	private final String address;

	private @Nullable String csrf;

	public WebSession(int port, String accessToken, String address) {
		this.base = "http://localhost:" + port;
		this.address = address;
		cookies.put("prax_access", accessToken);
	}

	/** A form field; a name may come several times. */
	public record Field(String name, String value) {
	}

	public static Field field(String name, String value) {
		return new Field(name, value);
	}

	public Api.Response get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
	}

	/**
	 * Posts a form with the CSRF token of the last page (fetching {@code /me} first if
	 * there was none).
	 */
	public Api.Response post(String path, List<Field> fields) {
		if (csrf == null) {
			get("/me");
		}
		List<Field> all = new ArrayList<>(fields);
		all.add(new Field("_csrf", csrf));
		return postRaw(path, all);
	}

	/** Posts exactly these fields: no CSRF token unless given. */
	public Api.Response postRaw(String path, List<Field> fields) {
		String body = fields.stream()
			.map(f -> URLEncoder.encode(f.name(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(f.value(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/** The hidden fields of the form with this id on a page, in order. */
	public static List<Field> hiddenFields(String page, String formId) {
		int start = page.indexOf("id=\"" + formId + "\"");
		if (start < 0) {
			throw new AssertionError("No form " + formId + " in\n" + page);
		}
		String form = page.substring(start, page.indexOf("</form>", start));
		List<Field> fields = new ArrayList<>();
		Matcher input = Pattern.compile("<input type=\"hidden\"[^>]*>").matcher(form);
		while (input.find()) {
			Matcher name = Pattern.compile("name=\"([^\"]*)\"").matcher(input.group());
			Matcher value = Pattern.compile("value=\"([^\"]*)\"").matcher(input.group());
			if (name.find()) {
				fields.add(new Field(unescape(name.group(1)), value.find() ? unescape(value.group(1)) : ""));
			}
		}
		return fields;
	}

	private static String unescape(String html) {
		return html.replace("&quot;", "\"")
			.replace("&#39;", "'")
			.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&amp;", "&");
	}

	private Api.Response send(HttpRequest.Builder request) {
		request.header("Cookie",
				cookies.entrySet()
					.stream()
					.map(e -> e.getKey() + "=" + e.getValue())
					.collect(Collectors.joining("; ")));
		request.header("Accept", "text/html");
		request.header("X-Forwarded-For", address);
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			response.headers().allValues("Set-Cookie").forEach(header -> {
				String pair = header.split(";", 2)[0];
				int eq = pair.indexOf('=');
				if (eq > 0) {
					cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
				}
			});
			Matcher token = CSRF.matcher(response.body());
			Matcher meta = CSRF_META.matcher(response.body());
			if (token.find()) {
				csrf = token.group(1);
			}
			else if (meta.find()) {
				csrf = meta.group(1);
			}
			return new Api.Response(response.statusCode(), response.body(), response);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
