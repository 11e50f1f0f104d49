package dev.loupe.storefront.web;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/** The fingerprinted URLs of the storefront's assets, computed once per asset (the content does not change at runtime). */
@Component
public class Assets {

	// Absent when Loupe runs without a web server (the seed command): every asset then keeps its plain path.
	private final ObjectProvider<ResourceUrlProvider> urls;
	private final ConcurrentMap<String, String> known = new ConcurrentHashMap<>();

	Assets(ObjectProvider<ResourceUrlProvider> urls) {
		this.urls = urls;
	}

	/** {@code /assets/shop.css} → {@code /assets/shop-<md5>.css}; the plain path while the resolver is not ready. */
	public String url(String file) {
		String path = StorefrontWeb.ASSETS + file;
		String cached = known.get(path);
		if (cached != null) {
			return cached;
		}
		ResourceUrlProvider provider = urls.getIfAvailable();
		String versioned = provider == null ? null : provider.getForLookupPath(path);
		if (versioned == null) {
			return path;
		}
		known.put(path, versioned);
		return versioned;
	}
}
