-- GET /health/live: the baseline every endpoint's requests/s is compared with.
request = function()
  return wrk.format("GET", "/health/live")
end

done = function(summary, latency, requests)
  io.write(string.format("non2xx_or_errors=%d\n", summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
