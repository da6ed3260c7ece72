package io.prax.platform;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.AbstractFlashMapManager;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps flash messages ("Customer saved") for the next request in a short-lived cookie
 * instead of an HTTP session, so Prax stays stateless on the server and any node can show
 * them. Only text values travel; pages print them escaped.
 */
@Component("flashMapManager")
class CookieFlashMapManager extends AbstractFlashMapManager {

	static final String COOKIE = "prax_flash";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int MAX_COOKIE_BYTES = 3000;

	record StoredFlash(@Nullable String path, Map<String, List<String>> params, long expires,
			Map<String, String> attributes) {
	}

	@Override
	protected @Nullable List<FlashMap> retrieveFlashMaps(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return null;
		}
		for (Cookie cookie : cookies) {
			if (COOKIE.equals(cookie.getName()) && !cookie.getValue().isBlank()) {
				return decode(cookie.getValue());
			}
		}
		return null;
	}

	@Override
	protected void updateFlashMaps(List<FlashMap> flashMaps, HttpServletRequest request, HttpServletResponse response) {
		String value = flashMaps.isEmpty() ? "" : encode(flashMaps);
		ResponseCookie cookie = ResponseCookie.from(COOKIE, value.length() > MAX_COOKIE_BYTES ? "" : value)
			.httpOnly(true)
			.secure(request.isSecure())
			.sameSite("Lax")
			.path("/")
			.maxAge(value.isEmpty() ? 0 : getFlashMapTimeout())
			.build();
		response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
	}

	private static String encode(List<FlashMap> flashMaps) {
		List<StoredFlash> stored = new ArrayList<>();
		for (FlashMap map : flashMaps) {
			Map<String, String> attributes = new LinkedHashMap<>();
			map.forEach((key, value) -> {
				if (value instanceof String text) {
					attributes.put(key, text);
				}
			});
			Map<String, List<String>> params = new LinkedHashMap<>();
			map.getTargetRequestParams().forEach((key, values) -> params.put(key, List.copyOf(values)));
			stored.add(new StoredFlash(map.getTargetRequestPath(), params, map.getExpirationTime(), attributes));
		}
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(JSON.writeValueAsString(stored).getBytes(StandardCharsets.UTF_8));
	}

	private static @Nullable List<FlashMap> decode(String value) {
		try {
			String json = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
			List<StoredFlash> stored = JSON.readValue(json, new TypeReference<List<StoredFlash>>() {
			});
			List<FlashMap> maps = new ArrayList<>();
			for (StoredFlash flash : stored) {
				FlashMap map = new FlashMap();
				map.setTargetRequestPath(flash.path());
				flash.params().forEach((key, values) -> values.forEach(v -> map.addTargetRequestParam(key, v)));
				map.putAll(flash.attributes());
				map.setExpirationTime(flash.expires());
				maps.add(map);
			}
			return maps;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
