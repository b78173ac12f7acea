-- POST /api/v1/citizen/explanation for one of the synthetic subjects the set-up assigned
-- (load-subject-1 .. load-subject-N, N in DATAWIJS_SUBJECTS): what a citizen portal asks.
local subjects = tonumber(os.getenv("DATAWIJS_SUBJECTS"))
request = function()
  local body = string.format([[{"subjectId":"load-subject-%d"}]], math.random(1, subjects))
  return wrk.format("POST", "/api/v1/citizen/explanation", {
    ["Authorization"] = "Bearer " .. os.getenv("DATAWIJS_TOKEN"),
    ["Content-Type"] = "application/json",
    ["Accept-Language"] = (math.random(1, 4) == 1) and "en" or "nl",
  }, body)
end

done = function(summary, latency, requests)
  io.write(string.format("non2xx_or_errors=%d\n", summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
