-- POST /api/v1/datasets/{id}/records: a CSV of 100 synthetic households per request, as a
-- research script adds a batch. Subject ids are random synthetic strings.
local path = "/api/v1/datasets/" .. os.getenv("DATAWIJS_DATASET_ID") .. "/records"
local benefits = { "none", "unemployment", "socialAssistance", "disability" }
local households = { "couple", "single", "singleParent" }
local backgrounds = { "dutch", "western", "nonWestern" }
local batch = 0
request = function()
  batch = batch + 1
  local rows = { "subjectId,benefitType,householdType,age,migrationBackground" }
  for i = 1, 100 do
    rows[#rows + 1] = string.format("load-%d-%d-%d,%s,%s,%d,%s", math.random(1, 1000000000), batch, i,
      benefits[math.random(#benefits)], households[math.random(#households)], math.random(18, 90), backgrounds[math.random(#backgrounds)])
  end
  return wrk.format("POST", path, {
    ["Authorization"] = "Bearer " .. os.getenv("DATAWIJS_TOKEN"),
    ["Content-Type"] = "text/csv",
  }, table.concat(rows, "\n") .. "\n")
end

done = function(summary, latency, requests)
  io.write(string.format("non2xx_or_errors=%d\n", summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
