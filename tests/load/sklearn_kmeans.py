"""The baseline of clustering.sh: scikit-learn's KMeans(n_clusters=6, n_init=3) on the same CSV.

Categorical clustering features one-hot encoded (a missing value: all zeros), numerics z-scored with
the population sd (a missing value: the mean, z = 0), the protected feature left out, as the API does.
Only the fit is timed (reading and encoding are not). Prints "seconds=<fit> rows=<n> width=<columns>".
Run with Debian's python3-sklearn: /usr/bin/python3 tests/load/sklearn_kmeans.py FILE [k] [n_init]
"""
import csv
import sys
import time

import numpy as np
from sklearn.cluster import KMeans

CATEGORICAL = {
    "benefitType": ["none", "unemployment", "socialAssistance", "disability"],
    "education": ["low", "middle", "high"],
    "housing": ["owner", "rent", "rentWithAllowance"],
    "householdType": ["couple", "single", "singleParent"],
    "youthCare": ["no", "yes"],
    "wmoSupport": ["no", "yes"],
}
NUMERIC = ["disposableIncome", "children", "age"]


def encode(path):
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    n = len(rows)
    width = len(NUMERIC) + sum(len(v) for v in CATEGORICAL.values())
    x = np.zeros((n, width), dtype=np.float64)
    column = 0
    for name in NUMERIC:
        values = np.array([float(r[name]) if r[name] else np.nan for r in rows])
        mean = np.nanmean(values)
        sd = np.nanstd(values) or 1.0
        x[:, column] = np.where(np.isnan(values), 0.0, (values - mean) / sd)
        column += 1
    for name, values in CATEGORICAL.items():
        index = {v: i for i, v in enumerate(values)}
        for r, row in enumerate(rows):
            if row[name]:
                x[r, column + index[row[name]]] = 1.0
        column += len(values)
    return x


def main():
    path = sys.argv[1]
    k = int(sys.argv[2]) if len(sys.argv) > 2 else 6
    n_init = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    x = encode(path)
    started = time.perf_counter()
    KMeans(n_clusters=k, n_init=n_init, random_state=20240501).fit(x)
    seconds = time.perf_counter() - started
    print(f"seconds={seconds:.3f} rows={x.shape[0]} width={x.shape[1]}")


if __name__ == "__main__":
    main()
