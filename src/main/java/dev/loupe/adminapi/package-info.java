/**
 * The Admin API for integrations and scripts: JSON over HTTP under {@code /admin}, shaped like Medusa's Admin API
 * where a resource exists in both. HTTP mapping, authentication and auditing only, over the modules' public APIs.
 */
package dev.loupe.adminapi;
