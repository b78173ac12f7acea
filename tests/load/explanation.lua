-- GET /api/v1/citizen/explanation with the citizen token the Development server prints
-- (DATAWIJS_CITIZEN_TOKEN, the synthetic demo citizen who has advice): what a citizen portal asks.
-- The subject comes from the token, never from the request.
request = function()
  return wrk.format("GET", "/api/v1/citizen/explanation", {
    ["Authorization"] = "Bearer " .. os.getenv("DATAWIJS_CITIZEN_TOKEN"),
    ["Accept-Language"] = (math.random(1, 4) == 1) and "en" or "nl",
  })
end

done = function(summary, latency, requests)
  io.write(string.format("non2xx_or_errors=%d\n", summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
