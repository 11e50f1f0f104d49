package dev.loupe.notification.internal;

import dev.loupe.platform.PublicLinks;
import dev.loupe.platform.StartupException;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Renders an {@link EmailTemplate} into subject, text and HTML with the store's branding. */
@Component
public class EmailRenderer {

	private final TemplateEngine engine;
	private final PublicLinks links;
	private final MailSettings settings;
	private final Locale locale;
	private final ZoneId zone;

	EmailRenderer(TemplateEngine engine, PublicLinks links, MailSettings settings) {
		this.engine = engine;
		this.links = links;
		this.settings = settings;
		if (!settings.brandColor().matches("#[0-9a-fA-F]{6}")) {
			throw new StartupException("LOUPE_BRAND_COLOR", "LOUPE_BRAND_COLOR must be a colour like #2f5d50, not "
					+ settings.brandColor());
		}
		try {
			this.locale = new Locale.Builder().setLanguageTag(settings.locale()).build();
		}
		catch (IllformedLocaleException e) {
			throw new StartupException("LOUPE_MAIL_LOCALE", "LOUPE_MAIL_LOCALE must be a language tag like en-US", e);
		}
		try {
			this.zone = ZoneId.of(settings.timeZone());
		}
		catch (DateTimeException e) {
			throw new StartupException("LOUPE_MAIL_TIME_ZONE", "LOUPE_MAIL_TIME_ZONE must be a time zone like Europe/Berlin", e);
		}
	}

	public Branding branding() {
		return new Branding(settings.storeName(), settings.brandColor(), locale, zone, links.base());
	}

	public RenderedEmail render(EmailTemplate email) {
		return render(engine, branding(), email);
	}

	/** Renders with a given engine and branding (the template tests render without a server). */
	public static RenderedEmail render(TemplateEngine engine, Branding brand, EmailTemplate email) {
		StringOutput html = new StringOutput();
		engine.render("email/" + email.view() + ".jte", Map.of("brand", brand, "email", email), html);
		return new RenderedEmail(email.name(), email.subject(brand), email.text(brand), html.toString());
	}
}
