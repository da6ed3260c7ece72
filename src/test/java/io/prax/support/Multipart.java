package io.prax.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** multipart/form-data uploads to the API, as an integration would send them. */
public final class Multipart {

	private final String boundary = "prax-" + UUID.randomUUID();

	private final ByteArrayOutputStream body = new ByteArrayOutputStream();

	public Multipart field(String name, String value) {
		write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
		return this;
	}

	/**
	 * A file part; {@code contentType} is what the client claims, which the server must
	 * not believe.
	 */
	public Multipart file(String name, String fileName, String contentType, byte[] content) {
		write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
		body.writeBytes(content);
		write("\r\n");
		return this;
	}

	public Api.Response post(int port, String path, @Nullable String token) {
		write("--" + boundary + "--\r\n");
		return send(port, path, "multipart/form-data; boundary=" + boundary, body.toByteArray(), token);
	}

	/** Any body under any content type, e.g. a broken multipart request. */
	public static Api.Response send(int port, String path, String contentType, byte[] content, @Nullable String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept", "application/json, application/problem+json")
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofByteArray(content));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(request.build(), HttpResponse.BodyHandlers.ofString());
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

	private void write(String text) {
		body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
	}

}
