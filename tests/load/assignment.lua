-- POST /api/v1/assignments for a synthetic household of the Development demo profile set.
-- Subject ids are synthetic BSNs (99xxxxxxx with the check digit that passes the eleven-test) and
-- rotate so that each request is a new assignment.
local counter = 0

local function synthetic_bsn(n)
  while true do
    local digits = string.format("99%06d", n % 1000000)
    local sum = 0
    for i = 1, 8 do sum = sum + tonumber(digits:sub(i, i)) * (10 - i) end
    if sum % 11 < 10 then return digits .. (sum % 11) end
    n = n + 1
  end
end

request = function()
  counter = counter + 1
  local body = string.format([[{"subjectId":"%s","features":{"benefitType":"socialAssistance","disposableIncome":%d,"education":"low","housing":"rentWithAllowance","householdType":"singleParent","children":2,"youthCare":"yes","wmoSupport":"no","age":31}}]],
    synthetic_bsn(math.random(1, 1000000) + counter), 15000 + (counter % 40) * 100)
  return wrk.format("POST", "/api/v1/assignments", {
    ["Authorization"] = "Bearer " .. os.getenv("DATAWIJS_TOKEN"),
    ["Content-Type"] = "application/json",
    ["X-Audit-Toelichting"] = "Belastingtest met synthetische gegevens",
  }, body)
end

done = function(summary, latency, requests)
  io.write(string.format("non2xx_or_errors=%d\n", summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
