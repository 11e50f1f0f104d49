/**
 * Staff users and their roles, customer credentials, tokens, sessions and secret API keys.
 */
package dev.loupe.identity;
