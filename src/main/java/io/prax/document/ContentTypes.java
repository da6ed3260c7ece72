package io.prax.document;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.tika.Tika;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;

/**
 * What a file is, from its bytes (Apache Tika's magic), never from what the client
 * declared. The file name may only refine what the bytes say (a ZIP named {@code .docx});
 * bytes Tika cannot place stay {@code application/octet-stream} whatever their name.
 */
final class ContentTypes {

	static final String OCTET_STREAM = "application/octet-stream";

	private static final Tika TIKA = new Tika();

	/**
	 * Types a browser shows without running anything; everything else is served as
	 * octet-stream.
	 */
	private static final Set<String> PASSIVE = Set.of("application/pdf", "text/plain", "text/csv", "image/png",
			"image/jpeg", "image/gif", "image/webp", "image/bmp", "image/tiff", "image/heic", "application/zip",
			"application/gzip", "application/x-7z-compressed", "application/rtf", "application/msword",
			"application/vnd.ms-excel", "application/vnd.ms-powerpoint", "application/vnd.ms-outlook", "message/rfc822",
			"application/json");

	private static final List<String> PASSIVE_PREFIXES = List.of("application/vnd.openxmlformats-officedocument.",
			"application/vnd.oasis.opendocument.", "audio/", "video/");

	private ContentTypes() {
	}

	/** The sniffed base type, e.g. {@code application/pdf}, {@code text/html}. */
	static String sniff(Path file, String fileName) throws IOException {
		String fromBytes = detect(file, null);
		if (fromBytes.equals(OCTET_STREAM)) {
			return OCTET_STREAM;
		}
		return detect(file, fileName);
	}

	/**
	 * What the download's {@code Content-Type} says: the sniffed type when it is passive,
	 * else octet-stream.
	 */
	static String served(String sniffed) {
		String type = sniffed.toLowerCase(Locale.ROOT);
		boolean passive = PASSIVE.contains(type) || PASSIVE_PREFIXES.stream().anyMatch(type::startsWith);
		// SVG, HTML, XML and scripts are active content whatever prefix they hide behind.
		boolean active = type.contains("html") || type.contains("xml") && !type.startsWith("application/vnd.openxml")
				&& !type.startsWith("application/vnd.oasis") || type.contains("script") || type.contains("svg");
		return passive && !active ? type : OCTET_STREAM;
	}

	private static String detect(Path file, @org.jspecify.annotations.Nullable String fileName) throws IOException {
		Metadata metadata = new Metadata();
		if (fileName != null) {
			metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
		}
		try (InputStream in = TikaInputStream.get(file)) {
			MediaType type = TIKA.getDetector().detect(in, metadata);
			return type.getBaseType().toString();
		}
	}

}
