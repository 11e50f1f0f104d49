package dev.loupe.notification.internal;

import dev.loupe.notification.DownloadLink;
import java.util.List;

/** Sent for digital goods: a download link per file. */
public record DigitalDownloads(OrderView order, List<DownloadLink> downloads) implements EmailTemplate {

	@Override
	public String name() {
		return "digital-downloads";
	}

	@Override
	public String view() {
		return "digitalDownloads";
	}

	@Override
	public String subject(Branding brand) {
		return "Your downloads from " + brand.storeName() + " (order #" + order.displayId() + ")";
	}

	@Override
	public String text(Branding brand) {
		StringBuilder text = new StringBuilder(order.greeting()).append("\n\nYour files are ready to download:\n\n");
		for (DownloadLink d : downloads) {
			text.append("- ").append(d.name()).append(": ").append(d.url());
			if (d.expiresAt() != null) {
				text.append(" (until ").append(brand.date(d.expiresAt())).append(')');
			}
			text.append('\n');
		}
		return text.append("\n— ").append(brand.storeName()).append('\n').toString();
	}
}
