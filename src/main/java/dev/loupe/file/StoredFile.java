package dev.loupe.file;

/**
 * A stored file. {@code url} is absolute for remote storage and a root-relative path ({@code /files/…}) for local
 * disk, which the APIs make absolute with the public URL of the installation.
 */
public record StoredFile(String key, String url, long size) {
}
