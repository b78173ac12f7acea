using System.Globalization;

namespace Datawijs.Domain.Outflow;

/// <summary>
/// Cox proportional hazards with Efron's handling of tied durations, as R's
/// <c>coxph(Surv(time, status) ~ ..., ties = "efron")</c>: Newton-Raphson from 0 with step halving, at most
/// 20 iterations, converged when the log partial likelihood changes by at most 1e-9 relatively
/// (<c>coxph.control</c>'s defaults). Rows with a missing covariate are left out (na.omit). Each pass over
/// the data is O(n p²) in the order <see cref="SurvivalData"/> sorted once.
/// </summary>
public static class CoxRegression
{
    private const double CholeskyTolerance = 1.8189894035458565e-12; // double epsilon^0.75, R's toler.chol
    private const double InfiniteTolerance = 3.1622776601683795e-05; // sqrt(1e-9), R's toler.inf

    public static CoxResult Fit(SurvivalData data, IReadOnlyList<CoxCovariate> covariates, CoxOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(covariates);
        options ??= new CoxOptions();
        foreach (var covariate in covariates)
        {
            if (covariate.Count != data.Count)
            {
                throw new ArgumentException($"Covariate '{covariate.Feature}' has {covariate.Count} values for {data.Count} households.", nameof(covariates));
            }
        }

        var notes = new List<CoxNote>();
        var used = new bool[data.Count];
        var rowsUsed = 0;
        for (var row = 0; row < data.Count; row++)
        {
            var complete = true;
            foreach (var covariate in covariates)
            {
                if (covariate.IsMissing(row))
                {
                    complete = false;
                    break;
                }
            }

            used[row] = complete;
            rowsUsed += complete ? 1 : 0;
        }

        if (rowsUsed < data.Count)
        {
            notes.Add(new CoxNote("rows-with-missing-values", null,
                string.Create(CultureInfo.InvariantCulture, $"{data.Count - rowsUsed} households with a missing value are left out of the hazard ratios.")));
        }

        var columns = DesignColumns(covariates, used, rowsUsed, notes);
        var design = Design.Build(data, covariates, columns, used, rowsUsed);
        if (design.Events == 0)
        {
            notes.Add(new CoxNote("no-events", null, "No household in the rows used has left, so there are no hazard ratios."));
            return new CoxResult([], notes, false, 0, rowsUsed, 0, double.NaN, double.NaN);
        }

        if (columns.Count == 0)
        {
            notes.Add(new CoxNote("no-covariates", null, "No covariate varies, so there are no hazard ratios."));
            var nullLik = design.Evaluate([], [], []);
            return new CoxResult([], notes, true, 0, rowsUsed, design.Events, nullLik, nullLik);
        }

        return Newton(design, columns, notes, options, rowsUsed);
    }

    private static CoxResult Newton(Design design, List<Column> columns, List<CoxNote> notes, CoxOptions options, int rowsUsed)
    {
        var p = columns.Count;
        var beta = new double[p];
        var newBeta = new double[p];
        var u = new double[p];
        var imat = new double[p * p];

        var loglik = design.Evaluate(beta, u, imat);
        var nullLoglik = loglik;
        var singular = Cholesky(imat, p);
        var step = (double[])u.Clone();
        CholeskySolve(imat, p, singular, step);
        for (var i = 0; i < p; i++)
        {
            newBeta[i] = beta[i] + step[i];
        }

        var converged = false;
        var halving = 0;
        var iterations = 0;
        var best = loglik;
        var newLoglik = loglik;
        for (iterations = 1; iterations <= options.MaxIterations; iterations++)
        {
            newLoglik = design.Evaluate(newBeta, u, imat);
            singular = Cholesky(imat, p);
            var finite = double.IsFinite(newLoglik) && u.All(double.IsFinite) && imat.All(double.IsFinite);
            if (finite && Math.Abs(1 - (best / newLoglik)) <= options.Tolerance)
            {
                converged = true;
                Array.Copy(newBeta, beta, p);
                best = newLoglik;
                break;
            }

            if (!finite || newLoglik < best)
            {
                halving++;
                for (var i = 0; i < p; i++)
                {
                    newBeta[i] = (newBeta[i] + (halving * beta[i])) / (halving + 1.0);
                }
            }
            else
            {
                halving = 0;
                best = newLoglik;
                CholeskySolve(imat, p, singular, u);
                for (var i = 0; i < p; i++)
                {
                    beta[i] = newBeta[i];
                    newBeta[i] += u[i];
                }
            }
        }

        if (!converged)
        {
            iterations = options.MaxIterations;
            // Report the last good step, as coxph does, with its information matrix.
            best = design.Evaluate(beta, u, imat);
            singular = Cholesky(imat, p);
            notes.Add(new CoxNote("not-converged", null,
                string.Create(CultureInfo.InvariantCulture, $"The hazard ratios did not converge in {options.MaxIterations} iterations; treat them with care.")));
        }

        var variance = CholeskyInverse(imat, p, singular);
        var terms = new List<CoxTerm>(p);
        for (var i = 0; i < p; i++)
        {
            var column = columns[i];
            if (singular[i])
            {
                notes.Add(new CoxNote("aliased", column.Feature,
                    $"'{Describe(column)}' is a combination of other columns, so it has no hazard ratio of its own."));
                terms.Add(new CoxTerm(column.Feature, column.Value, column.Reference, column.StandardDeviation,
                    double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, false));
                continue;
            }

            var b = beta[i];
            var se = Math.Sqrt(variance[(i * p) + i]);
            // R's check after the fit: a score still pointing away although the likelihood has settled.
            var pull = 0.0;
            for (var j = 0; j < p; j++)
            {
                pull += u[j] * variance[(j * p) + i];
            }

            var infinite = Math.Abs(pull) > options.Tolerance && Math.Abs(pull) > InfiniteTolerance * Math.Abs(b);
            if (infinite)
            {
                notes.Add(new CoxNote("coefficient-may-be-infinite", column.Feature,
                    $"The likelihood settled before the coefficient of '{Describe(column)}' did; its hazard ratio may be infinite or zero."));
            }

            terms.Add(new CoxTerm(column.Feature, column.Value, column.Reference, column.StandardDeviation,
                b, se, Math.Exp(b), Math.Exp(b - (Distributions.Z95 * se)), Math.Exp(b + (Distributions.Z95 * se)),
                Distributions.TwoSidedNormalP(b / se), infinite));
        }

        return new CoxResult(terms, notes, converged, iterations, rowsUsed, design.Events, best, nullLoglik);
    }

    private static string Describe(Column column) =>
        column.Value is null ? column.Feature : $"{column.Feature} = {column.Value}";

    private static List<Column> DesignColumns(IReadOnlyList<CoxCovariate> covariates, bool[] used, int rowsUsed, List<CoxNote> notes)
    {
        var columns = new List<Column>();
        for (var c = 0; c < covariates.Count; c++)
        {
            var covariate = covariates[c];
            if (covariate.Codes is { } codes)
            {
                var counts = new int[covariate.Values!.Count];
                for (var row = 0; row < codes.Length; row++)
                {
                    if (used[row])
                    {
                        counts[codes[row]]++;
                    }
                }

                // The most frequent value is the reference; ties go to the first declared value.
                var reference = 0;
                for (var v = 1; v < counts.Length; v++)
                {
                    if (counts[v] > counts[reference])
                    {
                        reference = v;
                    }
                }

                var before = columns.Count;
                for (var v = 0; v < counts.Length; v++)
                {
                    if (v != reference && counts[v] > 0)
                    {
                        columns.Add(new Column(c, v, covariate.Feature, covariate.Values[v], covariate.Values[reference], null, 0, 1));
                    }
                }

                if (columns.Count == before)
                {
                    notes.Add(new CoxNote("constant-covariate", covariate.Feature,
                        $"'{covariate.Feature}' has one value in the households used, so it has no hazard ratio."));
                }
            }
            else
            {
                var numbers = covariate.Numbers!;
                var mean = 0.0;
                for (var row = 0; row < numbers.Length; row++)
                {
                    if (used[row])
                    {
                        mean += numbers[row];
                    }
                }

                mean /= Math.Max(1, rowsUsed);
                var squares = 0.0;
                for (var row = 0; row < numbers.Length; row++)
                {
                    if (used[row])
                    {
                        squares += (numbers[row] - mean) * (numbers[row] - mean);
                    }
                }

                var sd = rowsUsed > 1 ? Math.Sqrt(squares / (rowsUsed - 1)) : 0;
                if (!(sd > 1e-12 * Math.Max(1, Math.Abs(mean))))
                {
                    notes.Add(new CoxNote("constant-covariate", covariate.Feature,
                        $"'{covariate.Feature}' has one value in the households used, so it has no hazard ratio."));
                    continue;
                }

                columns.Add(new Column(c, -1, covariate.Feature, null, null, sd, mean, 1 / sd));
            }
        }

        return columns;
    }

    /// <summary>A design column: an indicator (Code ≥ 0) or a standardised numeric (Code −1).</summary>
    private sealed record Column(int Covariate, int Code, string Feature, string? Value, string? Reference, double? StandardDeviation, double Mean, double Scale);

    /// <summary>
    /// The design in descending duration order, sparse: per row at most one indicator column per categorical
    /// covariate (none for its reference value) and the centred, standardised numerics. Indicators stay 0/1
    /// (not centred, unlike coxph; the partial likelihood does not change under a shift) so a row touches
    /// only its few non-zero columns: an outer product of about 6 instead of 14 columns at 1M rows.
    /// </summary>
    private sealed class Design
    {
        private readonly int[] indicatorColumns; // rows × categorical slots: the row's indicator column, −1 for the reference
        private readonly double[] numericValues; // rows × numeric slots: centred and standardised
        private readonly int[] numericColumns;   // the design column of each numeric slot
        private readonly double[] times;
        private readonly bool[] events;
        private readonly int categoricalSlots;
        private readonly int p;

        private Design(int[] indicatorColumns, double[] numericValues, int[] numericColumns, double[] times, bool[] events, int categoricalSlots, int p, int eventCount)
        {
            this.indicatorColumns = indicatorColumns;
            this.numericValues = numericValues;
            this.numericColumns = numericColumns;
            this.times = times;
            this.events = events;
            this.categoricalSlots = categoricalSlots;
            this.p = p;
            Events = eventCount;
        }

        public int Events { get; }

        private int Width => categoricalSlots + numericColumns.Length;

        public static Design Build(SurvivalData data, IReadOnlyList<CoxCovariate> covariates, List<Column> columns, bool[] used, int rowsUsed)
        {
            // Per categorical covariate with columns: the indicator column of each code (or −1).
            var categorical = new List<(int[] Codes, int[] ColumnOfCode)>();
            var numeric = new List<(double[] Values, Column Column, int Index)>();
            foreach (var group in columns.Select((c, index) => (c, index)).GroupBy(x => x.c.Covariate))
            {
                var covariate = covariates[group.Key];
                if (covariate.Codes is null)
                {
                    var (column, index) = group.Single();
                    numeric.Add((covariate.Numbers!, column, index));
                    continue;
                }

                var columnOfCode = Enumerable.Repeat(-1, covariate.Values!.Count).ToArray();
                foreach (var (c, index) in group)
                {
                    columnOfCode[c.Code] = index;
                }

                categorical.Add((covariate.Codes, columnOfCode));
            }

            var nc = categorical.Count;
            var nn = numeric.Count;
            var indicatorColumns = new int[(long)rowsUsed * nc];
            var numericValues = new double[(long)rowsUsed * nn];
            var times = new double[rowsUsed];
            var events = new bool[rowsUsed];
            var order = data.Order;
            var durations = data.Durations;
            var status = data.Events;
            var at = 0;
            var eventCount = 0;
            for (var k = order.Length - 1; k >= 0; k--)
            {
                var row = order[k];
                if (!used[row])
                {
                    continue;
                }

                times[at] = durations[row];
                events[at] = status[row];
                eventCount += status[row] ? 1 : 0;
                for (var s = 0; s < nc; s++)
                {
                    indicatorColumns[(at * nc) + s] = categorical[s].ColumnOfCode[categorical[s].Codes[row]];
                }

                for (var s = 0; s < nn; s++)
                {
                    numericValues[(at * nn) + s] = (numeric[s].Values[row] - numeric[s].Column.Mean) * numeric[s].Column.Scale;
                }

                at++;
            }

            return new Design(indicatorColumns, numericValues, numeric.Select(x => x.Index).ToArray(), times, events, nc, columns.Count, eventCount);
        }

        /// <summary>The non-zero entries of one row and its linear predictor x'b.</summary>
        private int Entries(int row, double[] beta, int[] columnsHere, double[] valuesHere, out double eta)
        {
            var count = 0;
            eta = 0.0;
            var offset = row * categoricalSlots;
            for (var s = 0; s < categoricalSlots; s++)
            {
                var column = indicatorColumns[offset + s];
                if (column >= 0)
                {
                    columnsHere[count] = column;
                    valuesHere[count] = 1;
                    eta += beta[column];
                    count++;
                }
            }

            offset = row * numericColumns.Length;
            for (var s = 0; s < numericColumns.Length; s++)
            {
                var column = numericColumns[s];
                var value = numericValues[offset + s];
                columnsHere[count] = column;
                valuesHere[count] = value;
                eta += beta[column] * value;
                count++;
            }

            return count;
        }

        /// <summary>
        /// Log partial likelihood (Efron) at beta, with its score in <paramref name="u"/> and the information
        /// matrix in <paramref name="imat"/>. The tied events of one time enter in closed form: with
        /// A = Σ 1/den_k, B = Σ f_k/den_k (f_k = k/d, den_k = S0 − f_k D0) the k-loop costs O(d), not O(d p²).
        /// </summary>
        public double Evaluate(double[] beta, double[] u, double[] imat)
        {
            var s1 = new double[p];
            var s2 = new double[p * p];
            var d1 = new double[p];
            var d2 = new double[p * p];
            var columnsHere = new int[Width];
            var valuesHere = new double[Width];
            Array.Clear(u);
            Array.Clear(imat);
            var s0 = 0.0;
            var loglik = 0.0;
            var n = times.Length;
            var i = 0;
            while (i < n)
            {
                var time = times[i];
                var d0 = 0.0;
                var deaths = 0;
                var tiedStart = i;
                while (i < n && times[i] == time)
                {
                    var count = Entries(i, beta, columnsHere, valuesHere, out var eta);

                    var r = Math.Exp(eta);
                    s0 += r;
                    Accumulate(s1, s2, r, columnsHere, valuesHere, count);
                    if (events[i])
                    {
                        deaths++;
                        d0 += r;
                        loglik += eta;
                        for (var e = 0; e < count; e++)
                        {
                            u[columnsHere[e]] += valuesHere[e];
                        }
                    }

                    i++;
                }

                if (deaths == 0)
                {
                    continue;
                }

                if (deaths > 1)
                {
                    Array.Clear(d1);
                    Array.Clear(d2);
                    for (var t = tiedStart; t < i; t++)
                    {
                        if (!events[t])
                        {
                            continue;
                        }

                        var count = Entries(t, beta, columnsHere, valuesHere, out var eta);

                        Accumulate(d1, d2, Math.Exp(eta), columnsHere, valuesHere, count);
                    }
                }

                double a = 0, b = 0, c = 0, e2 = 0, f2 = 0;
                for (var k = 0; k < deaths; k++)
                {
                    var f = (double)k / deaths;
                    var denominator = s0 - (f * d0);
                    loglik -= Math.Log(denominator);
                    var inverse = 1 / denominator;
                    a += inverse;
                    b += f * inverse;
                    c += inverse * inverse;
                    e2 += f * inverse * inverse;
                    f2 += f * f * inverse * inverse;
                }

                // With one event f = 0: b, e2 and f2 are 0 and the stale d1/d2 are never read.
                var tied = deaths > 1;
                for (var x = 0; x < p; x++)
                {
                    u[x] -= (s1[x] * a) - (tied ? d1[x] * b : 0);
                    var row = x * p;
                    for (var y = 0; y <= x; y++)
                    {
                        var value = (s2[row + y] * a) - (s1[x] * s1[y] * c);
                        if (tied)
                        {
                            value += (-d2[row + y] * b) + (((s1[x] * d1[y]) + (d1[x] * s1[y])) * e2) - (d1[x] * d1[y] * f2);
                        }

                        imat[row + y] += value;
                    }
                }
            }

            for (var x = 0; x < p; x++)
            {
                for (var y = 0; y < x; y++)
                {
                    imat[(y * p) + x] = imat[(x * p) + y];
                }
            }

            return loglik;
        }

        /// <summary>Adds r·x and r·x x' (lower triangle) for a row's non-zero entries.</summary>
        private void Accumulate(double[] first, double[] second, double r, int[] columnsHere, double[] valuesHere, int count)
        {
            for (var e = 0; e < count; e++)
            {
                var ce = columnsHere[e];
                var rv = r * valuesHere[e];
                first[ce] += rv;
                for (var g = 0; g < count; g++)
                {
                    var cg = columnsHere[g];
                    if (cg <= ce)
                    {
                        second[(ce * p) + cg] += rv * valuesHere[g];
                    }
                }
            }
        }
    }

    /// <summary>
    /// In-place LDL' Cholesky of a symmetric matrix (lower triangle used) in the way of coxph's cholesky2:
    /// a pivot below the tolerance marks its column singular (aliased) and the column is zeroed.
    /// </summary>
    private static bool[] Cholesky(double[] m, int n)
    {
        var singular = new bool[n];
        var largest = 0.0;
        for (var i = 0; i < n; i++)
        {
            largest = Math.Max(largest, Math.Abs(m[(i * n) + i]));
        }

        var eps = largest == 0 ? CholeskyTolerance : largest * CholeskyTolerance;
        for (var i = 0; i < n; i++)
        {
            var pivot = m[(i * n) + i];
            if (!(pivot > eps))
            {
                singular[i] = true;
                for (var j = i; j < n; j++)
                {
                    m[(j * n) + i] = 0;
                }

                continue;
            }

            for (var j = i + 1; j < n; j++)
            {
                var temp = m[(j * n) + i] / pivot;
                m[(j * n) + j] -= temp * temp * pivot;
                for (var k = j + 1; k < n; k++)
                {
                    m[(k * n) + j] -= temp * m[(k * n) + i];
                }

                m[(j * n) + i] = temp;
            }
        }

        return singular;
    }

    /// <summary>Solves (L D L') y = b in place; singular columns get 0.</summary>
    private static void CholeskySolve(double[] m, int n, bool[] singular, double[] y)
    {
        for (var i = 0; i < n; i++)
        {
            var temp = y[i];
            for (var j = 0; j < i; j++)
            {
                temp -= y[j] * m[(i * n) + j];
            }

            y[i] = temp;
        }

        for (var i = n - 1; i >= 0; i--)
        {
            if (singular[i])
            {
                y[i] = 0;
                continue;
            }

            var temp = y[i] / m[(i * n) + i];
            for (var j = i + 1; j < n; j++)
            {
                temp -= y[j] * m[(j * n) + i];
            }

            y[i] = temp;
        }
    }

    /// <summary>The inverse of the factored matrix, column by column; rows and columns of singular columns are 0.</summary>
    private static double[] CholeskyInverse(double[] m, int n, bool[] singular)
    {
        var inverse = new double[n * n];
        var unit = new double[n];
        for (var c = 0; c < n; c++)
        {
            Array.Clear(unit);
            unit[c] = 1;
            CholeskySolve(m, n, singular, unit);
            for (var r = 0; r < n; r++)
            {
                inverse[(r * n) + c] = singular[c] ? 0 : unit[r];
            }
        }

        return inverse;
    }
}
