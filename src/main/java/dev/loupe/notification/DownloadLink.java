package dev.loupe.notification;

import java.time.Instant;

/** A file a digital order gives access to, and until when its link works ({@code null}: no expiry). */
public record DownloadLink(String name, String url, Instant expiresAt) {
}
