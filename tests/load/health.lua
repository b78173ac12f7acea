done = function(summary, latency, requests)
  io.write(string.format("non2xx_or_errors=%d\n", summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
