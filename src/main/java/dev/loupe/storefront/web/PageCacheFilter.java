package dev.loupe.storefront.web;

import dev.loupe.market.Region;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Serves the catalogue pages of anonymous shoppers from the {@link PageCache} (ADR 017): the home page, categories,
 * collections, products and search, for GET and HEAD requests without a cart or session cookie. The key is the
 * public base URL, the path, the query string normalised (decoded, parameters ordered by name, each name's values in
 * their order, re-encoded), the visitor's region and whether htmx asked. A page is stored only when its controller
 * answered 200 with HTML, marked it {@code public} (so it declared it the same for every anonymous visitor of the
 * region) and set no cookie. Hits answer {@code If-None-Match} with 304 and send the stored gzip body to clients that
 * accept it. Concurrent misses of one key wait for a single rendering.
 */
class PageCacheFilter extends OncePerRequestFilter {

	static final String X_CACHE = "X-Cache";
	private static final int MAX_URI = 512;
	private static final int MAX_QUERY = 2048;
	private static final long WAIT_SECONDS = 10;

	private final PageCache cache;
	private final Visits visits;

	PageCacheFilter(PageCache cache, Visits visits) {
		this.cache = cache;
		this.visits = visits;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String method = request.getMethod();
		if (!"GET".equals(method) && !"HEAD".equals(method)) {
			return true;
		}
		return !catalogue(request.getRequestURI());
	}

	/** The catalogue pages: the same for every anonymous visitor of a region. */
	static boolean catalogue(String path) {
		return "/".equals(path) || "/search".equals(path) || path.startsWith("/products/")
				|| path.startsWith("/categories/") || path.startsWith("/collections/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String key = Cookies.personal(request) ? null : key(request);
		if (key == null) {
			cache.bypass();
			chain.doFilter(request, response);
			return;
		}
		PageCache.Page page = cache.find(key);
		if (page != null) {
			cache.hit();
			write(request, response, page, "HIT");
			return;
		}
		cache.miss();
		if ("HEAD".equals(request.getMethod())) {
			chain.doFilter(request, response);
			return;
		}
		long generation = cache.generation();
		String renderingKey = generation + "|" + key;
		CompletableFuture<PageCache.Page> mine = new CompletableFuture<>();
		CompletableFuture<PageCache.Page> other = cache.join(renderingKey, mine);
		if (other != null) {
			PageCache.Page theirs = await(other);
			if (theirs != null && theirs.generation() == cache.generation()) {
				write(request, response, theirs, "HIT");
				return;
			}
			render(request, response, chain, generation, key);
			return;
		}
		PageCache.Page made = null;
		try {
			made = render(request, response, chain, generation, key);
		}
		finally {
			cache.rendered(renderingKey, mine, made);
		}
	}

	private static PageCache.Page await(CompletableFuture<PageCache.Page> rendering) {
		try {
			return rendering.get(WAIT_SECONDS, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return null;
		}
		catch (ExecutionException | TimeoutException e) {
			return null;
		}
	}

	/** Renders the page through the controllers; stores and sends it if it may be shared, else sends it as it is. */
	private PageCache.Page render(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
			long generation, String key) throws ServletException, IOException {
		ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
		chain.doFilter(request, captured);
		String contentType = captured.getContentType();
		String cacheControl = captured.getHeader("Cache-Control");
		boolean shareable = captured.getStatus() == 200 && !request.isAsyncStarted()
				&& contentType != null && contentType.startsWith("text/html")
				&& cacheControl != null && cacheControl.startsWith("public")
				&& captured.getHeaders("Set-Cookie").isEmpty() && captured.getHeader("Content-Encoding") == null
				&& !response.isCommitted();
		if (!shareable) {
			captured.copyBodyToResponse();
			return null;
		}
		PageCache.Page page = cache.page(generation, contentType, cacheControl, captured.getContentAsByteArray());
		cache.put(key, page);
		write(request, response, page, "MISS");
		return page;
	}

	private static void write(HttpServletRequest request, HttpServletResponse response, PageCache.Page page,
			String outcome) throws IOException {
		boolean gzip = acceptsGzip(request.getHeader("Accept-Encoding"));
		response.setContentType(page.contentType());
		response.setHeader("Cache-Control", page.cacheControl());
		response.setHeader("Vary", "Cookie, Accept-Encoding");
		response.setHeader("ETag", gzip ? page.gzipEtag() : page.etag());
		response.setHeader(X_CACHE, outcome);
		if (matches(request.getHeader("If-None-Match"), page)) {
			response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
			return;
		}
		response.setStatus(HttpServletResponse.SC_OK);
		byte[] body = gzip ? page.gzip() : page.plain();
		if (gzip) {
			response.setHeader("Content-Encoding", "gzip");
		}
		response.setContentLength(body.length);
		if (!"HEAD".equals(request.getMethod())) {
			response.getOutputStream().write(body);
		}
	}

	/** Whether an {@code If-None-Match} names either representation of the page (weak comparison, RFC 9110). */
	static boolean matches(String ifNoneMatch, PageCache.Page page) {
		if (ifNoneMatch == null || ifNoneMatch.length() > 2000) {
			return false;
		}
		for (String tag : ifNoneMatch.split(",")) {
			String t = tag.strip();
			if (t.startsWith("W/")) {
				t = t.substring(2);
			}
			if (t.equals("*") || t.equals(page.etag()) || t.equals(page.gzipEtag())) {
				return true;
			}
		}
		return false;
	}

	/** Whether {@code Accept-Encoding} accepts gzip (named, or {@code *}, without {@code q=0}). */
	static boolean acceptsGzip(String acceptEncoding) {
		if (acceptEncoding == null || acceptEncoding.length() > 500) {
			return false;
		}
		boolean star = false;
		for (String part : acceptEncoding.toLowerCase(Locale.ROOT).split(",")) {
			String[] bits = part.split(";");
			String coding = bits[0].strip();
			boolean refused = false;
			for (int i = 1; i < bits.length; i++) {
				String p = bits[i].replace(" ", "");
				if (p.startsWith("q=") && p.substring(2).matches("0(\\.0{0,3})?")) {
					refused = true;
				}
			}
			if (coding.equals("gzip") || coding.equals("x-gzip")) {
				return !refused;
			}
			if (coding.equals("*")) {
				star = !refused;
			}
		}
		return star;
	}

	/**
	 * The cache key of an anonymous catalogue request, or null when it is not to be cached (an overlong or
	 * undecodable URL, a store without regions).
	 */
	String key(HttpServletRequest request) {
		String uri = request.getRequestURI();
		String query = request.getQueryString();
		if (uri.length() > MAX_URI || (query != null && query.length() > MAX_QUERY)) {
			return null;
		}
		String normalised = query == null ? null : normalise(query);
		if (query != null && normalised == null) {
			return null;
		}
		List<Region> regions = visits.snapshot().regions();
		if (regions.isEmpty()) {
			return null;
		}
		String regionId = Cookies.read(request, Cookies.REGION);
		Region region = regions.stream().filter(r -> r.id().equals(regionId)).findFirst().orElse(regions.getFirst());
		StringBuilder key = new StringBuilder(160).append(visits.base(request)).append(uri);
		if (normalised != null) {
			key.append('?').append(normalised);
		}
		key.append('|').append(region.id());
		if (request.getHeader("HX-Request") != null) {
			key.append("|hx");
		}
		return key.toString();
	}

	/**
	 * The query string decoded and encoded again with its parameters ordered by name (stable: a name's values keep
	 * their order, which pages may depend on), empty pairs dropped; null if it cannot be decoded.
	 */
	static String normalise(String query) {
		List<String[]> pairs = new ArrayList<>();
		for (String pair : query.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int eq = pair.indexOf('=');
			String name;
			String value;
			try {
				name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
				value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException undecodable) {
				return null;
			}
			if (name.isEmpty()) {
				continue;
			}
			pairs.add(new String[] { name, value });
		}
		pairs.sort(Comparator.comparing(p -> p[0]));
		StringBuilder out = new StringBuilder(query.length());
		for (String[] p : pairs) {
			if (!out.isEmpty()) {
				out.append('&');
			}
			out.append(URLEncoder.encode(p[0], StandardCharsets.UTF_8)).append('=')
				.append(URLEncoder.encode(p[1], StandardCharsets.UTF_8));
		}
		return out.toString();
	}
}
