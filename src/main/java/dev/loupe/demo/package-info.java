/**
 * The demo store loaded on first start, and the synthetic catalogue generator for benchmarks.
 */
package dev.loupe.demo;
