-- wrk script: prints one line with p50 / p95 / p99 latency (ms), requests per second and non-2xx answers at the end.
-- Used by backoffice.sh (wrk's own --latency lists 50/75/90/99 only).
done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local bad = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout
  io.write(string.format("p50 %.2f ms  p95 %.2f ms  p99 %.2f ms  max %.2f ms  %.1f req/s  %d requests  %d errors/non-2xx\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.requests / seconds, summary.requests, bad))
end
