package dev.loupe.notification;

import dev.loupe.notification.internal.DeliveryNotification;
import dev.loupe.notification.internal.DigitalDownloads;
import dev.loupe.notification.internal.EmailRenderer;
import dev.loupe.notification.internal.EmailTemplate;
import dev.loupe.notification.internal.EmailVerification;
import dev.loupe.notification.internal.OrderConfirmation;
import dev.loupe.notification.internal.OrderView;
import dev.loupe.notification.internal.PasswordReset;
import dev.loupe.notification.internal.RenderedEmail;
import dev.loupe.notification.internal.ReviewRequest;
import dev.loupe.notification.internal.ShippingConfirmation;
import dev.loupe.notification.internal.StaffInvitation;
import dev.loupe.platform.Money;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;

/**
 * Every email template rendered with sample data and the store's branding, for the back office's preview: what a
 * customer or member of staff would receive, without sending anything.
 */
@Service
public class EmailPreviews {

	/** A template's rendered sample: subject, plain-text part and HTML part. */
	public record Preview(String template, String label, String subject, String text, String html) {
	}

	private final EmailRenderer renderer;
	private final Map<String, Map.Entry<String, Supplier<EmailTemplate>>> samples = new LinkedHashMap<>();

	EmailPreviews(EmailRenderer renderer) {
		this.renderer = renderer;
		String base = renderer.branding().baseUrl();
		sample("order-confirmation", "Order confirmation", () -> new OrderConfirmation(order(base)));
		sample("shipping-confirmation", "Shipping confirmation", () -> new ShippingConfirmation(order(base), "USPS",
				"9400111899223344556677", "https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111899223344556677",
				order(base).lines()));
		sample("delivery-notification", "Delivery notification", () -> new DeliveryNotification(order(base),
				Instant.now().truncatedTo(ChronoUnit.MINUTES)));
		sample("review-request", "Review request", () -> new ReviewRequest(order(base)));
		sample("digital-downloads", "Digital downloads", () -> new DigitalDownloads(order(base),
				List.of(new DownloadLink("Lens care guide.pdf", base + "/downloads/sample?sig=preview",
						Instant.now().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.MINUTES)))));
		sample("password-reset", "Password reset", () -> new PasswordReset(base + "/account/reset?token=sample",
				Duration.ofMinutes(30)));
		sample("email-verification", "Email verification", () -> new EmailVerification(
				base + "/account/verify?token=sample", Duration.ofHours(24)));
		sample("staff-invite", "Staff invitation", () -> new StaffInvitation("associate",
				base + "/app/invite?token=sample", Duration.ofDays(7)));
	}

	/** The templates that can be previewed, by name, with a label. */
	public Map<String, String> templates() {
		Map<String, String> labels = new LinkedHashMap<>();
		samples.forEach((name, entry) -> labels.put(name, entry.getKey()));
		return labels;
	}

	/** A template rendered with sample data, or empty for an unknown name. */
	public Optional<Preview> render(String template) {
		var entry = samples.get(template);
		if (entry == null) {
			return Optional.empty();
		}
		RenderedEmail email = renderer.render(entry.getValue().get());
		return Optional.of(new Preview(template, entry.getKey(), email.subject(), email.text(), email.html()));
	}

	private void sample(String name, String label, Supplier<EmailTemplate> template) {
		samples.put(name, Map.entry(label, template));
	}

	private static OrderView order(String base) {
		return new OrderView("order_sample", 1042, Instant.now().truncatedTo(ChronoUnit.MINUTES), "Sam Rivera",
				"sam@example.com",
				List.of(new OrderView.Line("Aviator frame", "Gold / 54 mm", 1, Money.of("149.00", "USD"),
						Money.of("149.00", "USD"), base + "/products/aviator-frame"),
						new OrderView.Line("Lens cleaning kit", null, 2, Money.of("12.50", "USD"), Money.of("25.00", "USD"),
								base + "/products/lens-cleaning-kit")),
				Money.of("174.00", "USD"), Money.of("5.00", "USD"), Money.of("10.00", "USD"), Money.of("13.92", "USD"),
				Money.of("182.92", "USD"), List.of("Sam Rivera", "1 Main St", "62701 Springfield", "IL", "US"),
				"Standard shipping", base + "/order/lookup?number=1042&email=sam%40example.com");
	}
}
