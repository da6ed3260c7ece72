package io.prax.platform;

import org.jspecify.annotations.Nullable;
import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses JSON bodies larger than the limit with 413 {@code payload_too_large}: at once
 * when the declared length is too large, else as soon as more is read than allowed
 * (chunked uploads). Form posts and multipart uploads are bounded by Tomcat's and
 * Spring's own settings.
 */
class RequestBodyLimitFilter extends OncePerRequestFilter {

	/** Thrown while reading a body past the limit; answered 413. */
	static final class BodyTooLarge extends IOException {

		BodyTooLarge() {
			super("Request body too large", null);
		}

	}

	private final long maxBytes;

	RequestBodyLimitFilter(long maxBytes) {
		this.maxBytes = maxBytes;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String type = request.getContentType();
		if (type == null || !type.toLowerCase(Locale.ROOT).contains("json")) {
			chain.doFilter(request, response);
			return;
		}
		if (request.getContentLengthLong() > maxBytes) {
			Problems.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "payload_too_large",
					"The request body is larger than " + maxBytes + " bytes");
			return;
		}
		chain.doFilter(new Limited(request, maxBytes), response);
	}

	private static final class Limited extends HttpServletRequestWrapper {

		private final long maxBytes;

		private @Nullable ServletInputStream stream;

		Limited(HttpServletRequest request, long maxBytes) {
			super(request);
			this.maxBytes = maxBytes;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (stream == null) {
				ServletInputStream in = super.getInputStream();
				stream = new ServletInputStream() {

					private long read;

					@Override
					public int read() throws IOException {
						int b = in.read();
						if (b >= 0) {
							count(1);
						}
						return b;
					}

					@Override
					public int read(byte[] buffer, int offset, int length) throws IOException {
						int n = in.read(buffer, offset, length);
						if (n > 0) {
							count(n);
						}
						return n;
					}

					private void count(int n) throws BodyTooLarge {
						read += n;
						if (read > maxBytes) {
							throw new BodyTooLarge();
						}
					}

					@Override
					public boolean isFinished() {
						return in.isFinished();
					}

					@Override
					public boolean isReady() {
						return in.isReady();
					}

					@Override
					public void setReadListener(ReadListener listener) {
						in.setReadListener(listener);
					}
				};
			}
			return stream;
		}

	}

}
