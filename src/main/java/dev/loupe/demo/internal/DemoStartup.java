package dev.loupe.demo.internal;

import dev.loupe.platform.LoupeProperties;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/** Loads the demo store before the web server opens, so the first request already sees it. */
@Component
class DemoStartup implements SmartInitializingSingleton {

	private final DemoStoreLoader loader;
	private final LoupeProperties properties;

	DemoStartup(DemoStoreLoader loader, LoupeProperties properties) {
		this.loader = loader;
		this.properties = properties;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (properties.demo().enabled()) {
			loader.loadIfEmpty();
		}
	}
}
