/**
 * Object storage for product images, downloads and labels: local disk by default (served under {@code /files}),
 * S3-compatible storage when configured.
 */
package dev.loupe.file;
