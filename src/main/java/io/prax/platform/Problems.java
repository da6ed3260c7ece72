package io.prax.platform;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/** Builds and writes RFC 9457 problem details with Prax's stable {@code code} member. */
public final class Problems {

	private static final JsonMapper JSON = JsonMapper.builder()
		.addMixIn(ProblemDetail.class, org.springframework.http.converter.json.ProblemDetailJacksonMixin.class)
		.build();

	private Problems() {
	}

	public static ProblemDetail of(HttpStatus status, String code, String detail, Map<String, String> fieldErrors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(status.getReasonPhrase());
		problem.setType(URI.create("https://prax.io/problems/" + code.replace('_', '-')));
		problem.setProperty("code", code);
		if (!fieldErrors.isEmpty()) {
			problem.setProperty("errors", fieldErrors);
		}
		return problem;
	}

	public static ProblemDetail of(ProblemException ex) {
		ProblemDetail problem = of(ex.status(), ex.code(), ex.getMessage(), ex.fieldErrors());
		ex.properties().forEach(problem::setProperty);
		return problem;
	}

	/** For filters that answer before Spring MVC is reached. */
	public static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
			String detail) throws IOException {
		ProblemDetail problem = of(status, code, detail, Map.of());
		problem.setInstance(URI.create(request.getRequestURI()));
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		JSON.writeValue(response.getOutputStream(), problem);
	}

	/** API requests get problem JSON; everything else is a page. */
	public static boolean isApi(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith("/api/");
	}

}
