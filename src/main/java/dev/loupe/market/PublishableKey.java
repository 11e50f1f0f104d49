package dev.loupe.market;

import java.util.List;

/** A publishable API key ({@code pk_…}) and the sales channels it opens to storefronts. */
public record PublishableKey(String id, String token, String title, List<String> salesChannelIds) {
}
