-- GET /api/v1/scans/{id}/score of a completed scan: the stored score, as a case system reads it.
local path = "/api/v1/scans/" .. os.getenv("DATAWIJS_SCAN_ID") .. "/score"
request = function()
  return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. os.getenv("DATAWIJS_TOKEN") })
end

done = function(summary, latency, requests)
  io.write(string.format("non2xx_or_errors=%d\n", summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
