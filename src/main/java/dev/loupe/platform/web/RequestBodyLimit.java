package dev.loupe.platform.web;

import dev.loupe.platform.ApiError;
import dev.loupe.platform.ErrorType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over {@link #MAX} with 413, so that a client cannot make the server buffer an unbounded
 * JSON document. A declared {@code Content-Length} is refused before reading; a chunked body is counted while it is
 * read. Multipart uploads are left to the multipart limits ({@code spring.servlet.multipart.*}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestBodyLimit extends OncePerRequestFilter {

	/** Far above any JSON document of the Store or Admin API; the same as Tomcat's max-swallow-size. */
	static final long MAX = DataSize.ofMegabytes(2).toBytes();

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String contentType = request.getContentType();
		if (contentType != null && contentType.toLowerCase().startsWith("multipart/")) {
			chain.doFilter(request, response);
			return;
		}
		if (request.getContentLengthLong() > MAX) {
			// Tomcat swallows (up to max-swallow-size) or closes the connection for the unread rest of the body.
			ApiExceptionHandler.write(response, 413, tooLarge());
			return;
		}
		chain.doFilter(request.getContentLengthLong() < 0 ? new Counted(request) : request, response);
	}

	static ApiError tooLarge() {
		return new ApiError(ErrorType.INVALID_DATA.code(),
				"The request body is larger than " + DataSize.ofBytes(MAX).toMegabytes() + " MB");
	}

	/** Thrown while a chunked body is read past the limit; answered with 413 by {@link ApiExceptionHandler}. */
	static final class TooLarge extends IOException {

		TooLarge() {
			super("Request body larger than " + MAX + " bytes", null);
		}
	}

	private static final class Counted extends HttpServletRequestWrapper {

		private ServletInputStream counted;

		Counted(HttpServletRequest request) {
			super(request);
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (counted == null) {
				counted = new CountingStream(super.getInputStream());
			}
			return counted;
		}
	}

	private static final class CountingStream extends ServletInputStream {

		private final ServletInputStream in;
		private long read;

		CountingStream(ServletInputStream in) {
			this.in = in;
		}

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

		private void count(int n) throws TooLarge {
			read += n;
			if (read > MAX) {
				throw new TooLarge();
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
	}
}
