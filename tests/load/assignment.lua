-- POST /api/v1/assignments for a synthetic household of the Development demo profile set.
-- Subject ids are synthetic (not BSNs) and rotate so that each request is a new assignment.
local counter = 0
request = function()
  counter = counter + 1
  local body = string.format([[{"subjectId":"load-%d-%d","features":{"benefitType":"socialAssistance","disposableIncome":%d,"education":"low","housing":"rentWithAllowance","householdType":"singleParent","children":2,"youthCare":"yes","wmoSupport":"no","age":31}}]],
    math.random(1, 1000000), counter, 15000 + (counter % 40) * 100)
  return wrk.format("POST", "/api/v1/assignments", {
    ["Authorization"] = "Bearer " .. os.getenv("DATAWIJS_TOKEN"),
    ["Content-Type"] = "application/json",
    ["X-Audit-Toelichting"] = "Belastingtest met synthetische gegevens",
  }, body)
end

done = function(summary, latency, requests)
  io.write(string.format("non2xx_or_errors=%d\n", summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
