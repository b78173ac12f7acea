# Shared by clustering.sh and scale.sh: synthetic food-bank households in five planted groups, as CSV.
# Source it, then: generate_households ROWS FILE [SEED]. Subject ids "hh-<n>" (synthetic, no real
# identifier); 7 categorical + 3 numeric clustering features and one protected feature; about 2 % of
# the cells empty. Each group has a dominant value per categorical feature (70 %) and its own income,
# age and number of children, like FoodBankHouseholds in the domain, so a clustering has real groups
# to find (uniform noise would make every k-means run to its iteration cap and measure nothing useful).
# dataset_json prints the matching POST /api/v1/datasets body.

generate_households() {
  awk -v rows="$1" -v seed="${3:-20240501}" 'BEGIN {
    srand(seed);
    nb = split("none unemployment socialAssistance disability", benefit, " ");
    ne = split("low middle high", education, " ");
    nh = split("owner rent rentWithAllowance", housing, " ");
    nt = split("couple single singleParent", household, " ");
    split("no yes", yesno, " ");
    split("dutch western nonWestern", migration, " ");
    print "subjectId,benefitType,disposableIncome,education,housing,householdType,children,youthCare,wmoSupport,age,migrationBackground";
    for (i = 1; i <= rows; i++) {
      r = rand(); g = r < 0.18 ? 1 : r < 0.38 ? 2 : r < 0.52 ? 3 : r < 0.84 ? 4 : 5;
      if (g == 1) split("2 1 3 3 1 1 15000 32 2", p, " ");
      else if (g == 2) split("3 1 3 2 1 2 14000 58 0", p, " ");
      else if (g == 3) split("1 3 1 1 1 1 21500 45 1", p, " ");
      else if (g == 4) split("4 2 2 2 1 2 16500 66 0", p, " ");
      else split("3 1 3 3 2 1 13500 36 3", p, " ");
      income = p[7] + 10 * int((rand() + rand() + rand() - 1.5) * 150);
      age = p[8] + int((rand() + rand() - 1) * 10);
      kids = p[9] + (rand() < 0.3 ? 1 : 0) - (p[9] > 0 && rand() < 0.3 ? 1 : 0);
      printf "hh-%d,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s\n", i,
        pick(benefit, nb, p[1]), num(income), pick(education, ne, p[2]), pick(housing, nh, p[3]),
        pick(household, nt, p[4]), num(kids), pick(yesno, 2, p[5]), pick(yesno, 2, p[6]), num(age), pick(migration, 3, 1 + int(rand() * 3));
    }
  }
  function pick(values, n, dominant) { if (rand() < 0.02) return ""; return rand() < 0.7 ? values[dominant] : values[1 + int(rand() * n)] }
  function num(x) { return rand() < 0.02 ? "" : x }' >"$2"
}

dataset_json() {
  cat <<'JSON'
{ "name": "Belastingtest clustering", "purpose": "Measure clustering speed with synthetic households.", "retentionUntil": "2099-12-31", "subjectIdKind": "other",
  "features": [
    { "name": "benefitType", "type": "categorical", "values": ["none", "unemployment", "socialAssistance", "disability"], "role": "clustering", "mutable": true },
    { "name": "disposableIncome", "type": "numeric", "min": 0, "max": 200000, "role": "clustering", "mutable": true },
    { "name": "education", "type": "categorical", "values": ["low", "middle", "high"], "role": "clustering", "mutable": false },
    { "name": "housing", "type": "categorical", "values": ["owner", "rent", "rentWithAllowance"], "role": "clustering", "mutable": true },
    { "name": "householdType", "type": "categorical", "values": ["couple", "single", "singleParent"], "role": "clustering", "mutable": false },
    { "name": "children", "type": "numeric", "min": 0, "max": 15, "role": "clustering", "mutable": false },
    { "name": "youthCare", "type": "categorical", "values": ["no", "yes"], "role": "clustering", "mutable": true },
    { "name": "wmoSupport", "type": "categorical", "values": ["no", "yes"], "role": "clustering", "mutable": true },
    { "name": "age", "type": "numeric", "min": 18, "max": 110, "role": "clustering", "mutable": false },
    { "name": "migrationBackground", "type": "categorical", "values": ["dutch", "western", "nonWestern"], "role": "protected", "mutable": false } ] }
JSON
}
