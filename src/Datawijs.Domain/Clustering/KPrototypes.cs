using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Datawijs.Domain.Datasets;

namespace Datawijs.Domain.Clustering;

/// <summary>
/// k-prototypes clustering (Huang 1997/1998) of mixed numeric and categorical data.
/// <list type="bullet">
/// <item><b>Distance.</b> Numeric clustering features are standardised to z-scores with the mean and
/// (population) standard deviation of the dataset's non-missing values (exposed in
/// <see cref="ClusterModel.Numerics"/>). The dissimilarity is the squared Euclidean distance on the
/// z-scores plus Gamma × the number of categorical mismatches. Descriptive and protected features never
/// take part.</item>
/// <item><b>Gamma.</b> Default: Huang's rule 0.5 × mean standard deviation of the numeric features,
/// applied in the space in which the distance is actually computed, i.e. to the standardised numerics.
/// Every non-constant standardised numeric has standard deviation 1, so the default is 0.5 (constant
/// columns count as 0). Huang's raw-unit reading (income in euros has sd ≈ 3,000) would make one
/// mismatch outweigh any numeric difference once numerics are standardised, so it is not used.
/// Without numeric clustering features Gamma defaults to 1 (only the ratio matters then).
/// <see cref="KPrototypesOptions.Gamma"/> overrides it.</item>
/// <item><b>Missing values</b> (NaN, code -1) skip their term: they add nothing to the distance to any
/// prototype (so they do not pull a household anywhere) and they are left out of means and modes.</item>
/// <item><b>Algorithm.</b> Batch (Lloyd-style) iterations: assign every household to its nearest
/// prototype (ties: the lowest cluster index), then recompute means and modes (mode ties: the lowest
/// code; an empty cluster keeps its prototype), until no label changes or MaxIterations. Initialisation
/// k-means++ (or random), several seeded restarts per k, the lowest cost kept (ties: the earliest).</item>
/// <item><b>Choosing k.</b> When k is not given every k in KMin..KMax is fitted and the k with the highest
/// mean silhouette on one seeded sample of households (same sample for every k; the silhouette uses the
/// k-prototypes dissimilarity itself) is chosen among the k whose clusters all reach MinClusterSize;
/// ties go to the smaller k.</item>
/// <item><b>Minimum cluster size.</b> A cluster smaller than MinClusterSize (10 households) could never
/// be published. With a given k the fit is repeated with k − 1 until every cluster is large enough (down
/// to k = 1); when choosing k, too-small k's are skipped, and if none of the range qualifies k is lowered
/// below KMin the same way. Every such step is reported as a <see cref="ClusteringNote"/> and in
/// <see cref="ClusteringResult.QualityPerK"/>.</item>
/// <item><b>Determinism.</b> Our own integer PRNG (never System.Random) with one stream per (seed, k,
/// restart). Rows are processed in fixed chunks of <see cref="ChunkSize"/>; every floating-point sum is
/// taken in row order within a chunk and then in chunk order, so the result is bit-for-bit the same for
/// any thread count and machine. SIMD lanes compute per-row values only, in the same order as the scalar
/// <see cref="ClusterModel.Distance"/>.</item>
/// </list>
/// </summary>
public static class KPrototypes
{
    /// <summary>Rows per work item. Fixed (never derived from the thread count) for determinism.</summary>
    public const int ChunkSize = 4096;

    /// <summary>
    /// By default (<see cref="KPrototypesOptions.KeptBytes"/>) a fit keeps every chunk loaded
    /// (z-scores as doubles, codes as ints: 8 bytes per numeric and 4 per categorical feature and
    /// household, plus 4) when that takes at most this much: 5.6 MB at
    /// 100,000 households with 3 numeric and 7 categorical features, up to about 600,000 such
    /// households. Loading a chunk (a division per z-score) took about a seventh of a fit that visits
    /// every chunk 40 to 60 times; larger datasets load each chunk again at every visit, so memory
    /// stays at the compact matrix plus a few buffers per thread. The values are the same either way.
    /// </summary>
    public const long KeptBytes = 32L << 20;

    /// <summary>
    /// Clusters the matrix. Invalid options throw <see cref="ArgumentException"/>; check
    /// <see cref="KPrototypesOptions.Validate"/> first to answer a 400. Cancellation throws
    /// <see cref="OperationCanceledException"/>.
    /// </summary>
    public static ClusteringResult Fit(
        MixedDataMatrix matrix,
        KPrototypesOptions options,
        IProgress<ClusteringProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var problems = Validate(matrix, options);
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(options));
        }

        var notes = new List<ClusteringNote>();
        var data = PreparedData.Create(matrix, options.Gamma, notes);
        var parallel = new ParallelOptions
        {
            CancellationToken = cancellationToken,
            MaxDegreeOfParallelism = options.MaxDegreeOfParallelism ?? -1,
        };
        var run = new Run(data, options, parallel, progress, notes);
        return run.Execute(matrix);
    }

    /// <summary>Every reason why <see cref="Fit"/> would refuse this matrix and these options (empty = fine), for a 400 answer.</summary>
    public static IReadOnlyList<string> Validate(MixedDataMatrix matrix, KPrototypesOptions options)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>(options.Validate(matrix.RowCount));
        if (!matrix.Features.Any(f => f.InDistance))
        {
            problems.Add("the dataset has no feature with role clustering");
        }

        return problems;
    }

    /// <summary>
    /// Dissimilarities of households held column by column (numeric feature f at z[f × stride + i],
    /// categorical f at codes[f × stride + i]) to one point: a prototype, or a household of the silhouette
    /// sample. A missing value on either side skips its term. Vectorised over rows with one register
    /// accumulator per row lane; per row it computes exactly 0 + term_1 + ... + term_p (numerics in order)
    /// + Gamma × mismatches, like <see cref="ClusterModel.Distance"/>, so the bits are the scalar ones.
    /// </summary>
    internal static void PointDistances(
        ReadOnlySpan<double> z, ReadOnlySpan<int> codes, int stride, double gamma, ReadOnlySpan<double> pointZ, ReadOnlySpan<int> pointCodes, Span<double> dist)
    {
        var len = dist.Length;
        var p = pointZ.Length;
        var q = pointCodes.Length;

        // The vector body reads without bounds checks; these are the bounds it relies on.
        if ((p > 0 && z.Length < ((p - 1) * stride) + len) || (q > 0 && codes.Length < ((q - 1) * stride) + len))
        {
            throw new ArgumentException("The columns are shorter than the rows asked for.");
        }

        ref readonly var zs = ref MemoryMarshal.GetReference(z);
        ref readonly var cs = ref MemoryMarshal.GetReference(codes);
        var iw = Vector<int>.Count;
        var dw = Vector<double>.Count;
        var g = new Vector<double>(gamma);
        var missing = new Vector<int>(MixedDataMatrix.MissingCode);
        var i = 0;
        if (iw == 2 * dw)
        {
            for (; i <= len - iw; i += iw)
            {
                var m = Vector<int>.Zero;
                for (var f = 0; f < q; f++)
                {
                    var c = pointCodes[f];
                    if (c == MixedDataMatrix.MissingCode)
                    {
                        continue;
                    }

                    var x = Vector.LoadUnsafe(in cs, (nuint)((f * stride) + i));
                    var same = Vector.BitwiseOr(Vector.Equals(x, new Vector<int>(c)), Vector.Equals(x, missing));
                    m -= Vector.OnesComplement(same); // adds 1 where the value differs and is present
                }

                Vector.Widen(m, out var mLo, out var mHi);
                var accLo = Vector<double>.Zero;
                var accHi = Vector<double>.Zero;
                for (var f = 0; f < p; f++)
                {
                    var c = pointZ[f];
                    if (double.IsNaN(c))
                    {
                        continue;
                    }

                    var vc = new Vector<double>(c);
                    var at = (nuint)((f * stride) + i);
                    var xLo = Vector.LoadUnsafe(in zs, at);
                    var xHi = Vector.LoadUnsafe(in zs, at + (nuint)dw);
                    var dLo = xLo - vc;
                    var dHi = xHi - vc;
                    accLo += Vector.ConditionalSelect(Vector.Equals(xLo, xLo), dLo * dLo, Vector<double>.Zero); // NaN = missing: no term
                    accHi += Vector.ConditionalSelect(Vector.Equals(xHi, xHi), dHi * dHi, Vector<double>.Zero);
                }

                (accLo + (g * Vector.ConvertToDouble(mLo))).CopyTo(dist[i..]);
                (accHi + (g * Vector.ConvertToDouble(mHi))).CopyTo(dist[(i + dw)..]);
            }
        }

        for (; i < len; i++)
        {
            var sum = 0.0;
            for (var f = 0; f < p; f++)
            {
                var x = z[(f * stride) + i];
                var c = pointZ[f];
                if (!double.IsNaN(x) && !double.IsNaN(c))
                {
                    var diff = x - c;
                    sum += diff * diff;
                }
            }

            var mismatches = 0;
            for (var f = 0; f < q; f++)
            {
                var x = codes[(f * stride) + i];
                var c = pointCodes[f];
                if (x != MixedDataMatrix.MissingCode && c != MixedDataMatrix.MissingCode && x != c)
                {
                    mismatches++;
                }
            }

            dist[i] = sum + (gamma * mismatches);
        }
    }

    /// <summary>
    /// For the rows of one loaded chunk (<see cref="PreparedData.LoadChunk"/>): the nearest prototype
    /// (ties: the lowest index) and its dissimilarity. Vectorised over rows in blocks of 16, one register
    /// accumulator per row lane: per row it computes exactly 0 + term_1 + ... + term_p + Gamma ×
    /// mismatches, like <see cref="ClusterModel.Distance"/>; the last rows of a chunk go through the
    /// scalar loop, which computes the same. Mismatches are counted as the row's present codes minus its
    /// matches (<paramref name="ccV"/> holds <see cref="NoCode"/> for a prototype without a code, which
    /// matches nothing), and a block of rows without a missing numeric skips the NaN masks.
    /// </summary>
    internal static void NearestPrototypes(
        PreparedData d, ReadOnlySpan<double> z, ReadOnlySpan<int> codes, ReadOnlySpan<int> present, int k, double[] cz, int[] cc, Vector<double>[] czV, Vector<int>[] ccV, Span<double> best, Span<int> bestIndex)
    {
        var len = best.Length;
        var p = d.NumericCount;
        var q = d.CategoricalCount;
        // The vector body reads without bounds checks (a third of its instructions were checks); these
        // are the bounds it relies on.
        if (len > ChunkSize || bestIndex.Length < len || present.Length < len || z.Length < p * ChunkSize || codes.Length < q * ChunkSize
            || cz.Length < k * p || cc.Length < k * q || czV.Length < k * p || ccV.Length < k * q)
        {
            throw new ArgumentException("The chunk's buffers are smaller than the chunk.");
        }

        var iw = Vector<int>.Count;
        var dw = Vector<double>.Count;
        var gamma = new Vector<double>(d.Gamma);
        Span<double> lanes = stackalloc double[2 * iw];
        ref readonly var zs = ref MemoryMarshal.GetReference(z);
        ref readonly var cs = ref MemoryMarshal.GetReference(codes);
        ref readonly var ps = ref MemoryMarshal.GetReference(present);
        ref var czs = ref MemoryMarshal.GetArrayDataReference(czV);
        ref var ccs = ref MemoryMarshal.GetArrayDataReference(ccV);
        var i = 0;
        if (iw == 2 * dw)
        {
            // Sixteen rows a block (four double vectors): the loop overhead and the prototype's
            // coordinates are shared by twice the rows of an eight-row block.
            var block = 2 * iw;
            for (; i <= len - block; i += block)
            {
                var anyMissing = Vector<long>.Zero;
                for (var f = 0; f < p; f++)
                {
                    var at = (nuint)((f * ChunkSize) + i);
                    var x0 = Vector.LoadUnsafe(in zs, at);
                    var x1 = Vector.LoadUnsafe(in zs, at + (nuint)dw);
                    var x2 = Vector.LoadUnsafe(in zs, at + (nuint)(2 * dw));
                    var x3 = Vector.LoadUnsafe(in zs, at + (nuint)(3 * dw));
                    anyMissing |= ~(Vector.Equals(x0, x0) & Vector.Equals(x1, x1) & Vector.Equals(x2, x2) & Vector.Equals(x3, x3));
                }

                var complete = anyMissing == Vector<long>.Zero;
                var present0 = Vector.LoadUnsafe(in ps, (nuint)i);
                var present1 = Vector.LoadUnsafe(in ps, (nuint)(i + iw));
                var best0 = Vector<double>.Zero;
                var best1 = Vector<double>.Zero;
                var best2 = Vector<double>.Zero;
                var best3 = Vector<double>.Zero;
                var index0 = Vector<double>.Zero;
                var index1 = Vector<double>.Zero;
                var index2 = Vector<double>.Zero;
                var index3 = Vector<double>.Zero;
                for (var j = 0; j < k; j++)
                {
                    var m0 = present0;
                    var m1 = present1;
                    ref var prototypeCodes = ref Unsafe.Add(ref ccs, j * q);
                    for (var f = 0; f < q; f++)
                    {
                        var c = Unsafe.Add(ref prototypeCodes, f);
                        var at = (nuint)((f * ChunkSize) + i);
                        m0 += Vector.Equals(Vector.LoadUnsafe(in cs, at), c); // a match adds -1
                        m1 += Vector.Equals(Vector.LoadUnsafe(in cs, at + (nuint)iw), c);
                    }

                    var a0 = Vector<double>.Zero;
                    var a1 = Vector<double>.Zero;
                    var a2 = Vector<double>.Zero;
                    var a3 = Vector<double>.Zero;
                    ref var prototypeZ = ref Unsafe.Add(ref czs, j * p);
                    if (complete)
                    {
                        for (var f = 0; f < p; f++)
                        {
                            var c = Unsafe.Add(ref prototypeZ, f);
                            var at = (nuint)((f * ChunkSize) + i);
                            var d0 = Vector.LoadUnsafe(in zs, at) - c;
                            var d1 = Vector.LoadUnsafe(in zs, at + (nuint)dw) - c;
                            var d2 = Vector.LoadUnsafe(in zs, at + (nuint)(2 * dw)) - c;
                            var d3 = Vector.LoadUnsafe(in zs, at + (nuint)(3 * dw)) - c;
                            a0 += d0 * d0;
                            a1 += d1 * d1;
                            a2 += d2 * d2;
                            a3 += d3 * d3;
                        }
                    }
                    else
                    {
                        for (var f = 0; f < p; f++)
                        {
                            var c = Unsafe.Add(ref prototypeZ, f);
                            var at = (nuint)((f * ChunkSize) + i);
                            var x0 = Vector.LoadUnsafe(in zs, at);
                            var x1 = Vector.LoadUnsafe(in zs, at + (nuint)dw);
                            var x2 = Vector.LoadUnsafe(in zs, at + (nuint)(2 * dw));
                            var x3 = Vector.LoadUnsafe(in zs, at + (nuint)(3 * dw));
                            var d0 = x0 - c;
                            var d1 = x1 - c;
                            var d2 = x2 - c;
                            var d3 = x3 - c;
                            a0 += Vector.ConditionalSelect(Vector.Equals(x0, x0), d0 * d0, Vector<double>.Zero); // NaN = missing: no term
                            a1 += Vector.ConditionalSelect(Vector.Equals(x1, x1), d1 * d1, Vector<double>.Zero);
                            a2 += Vector.ConditionalSelect(Vector.Equals(x2, x2), d2 * d2, Vector<double>.Zero);
                            a3 += Vector.ConditionalSelect(Vector.Equals(x3, x3), d3 * d3, Vector<double>.Zero);
                        }
                    }

                    Vector.Widen(m0, out var mm0, out var mm1);
                    Vector.Widen(m1, out var mm2, out var mm3);
                    a0 += gamma * Vector.ConvertToDouble(mm0);
                    a1 += gamma * Vector.ConvertToDouble(mm1);
                    a2 += gamma * Vector.ConvertToDouble(mm2);
                    a3 += gamma * Vector.ConvertToDouble(mm3);
                    if (j == 0)
                    {
                        best0 = a0;
                        best1 = a1;
                        best2 = a2;
                        best3 = a3;
                        continue;
                    }

                    var jv = new Vector<double>(j);
                    var lt0 = Vector.LessThan(a0, best0);
                    var lt1 = Vector.LessThan(a1, best1);
                    var lt2 = Vector.LessThan(a2, best2);
                    var lt3 = Vector.LessThan(a3, best3);
                    best0 = Vector.ConditionalSelect(lt0, a0, best0);
                    best1 = Vector.ConditionalSelect(lt1, a1, best1);
                    best2 = Vector.ConditionalSelect(lt2, a2, best2);
                    best3 = Vector.ConditionalSelect(lt3, a3, best3);
                    index0 = Vector.ConditionalSelect(lt0, jv, index0);
                    index1 = Vector.ConditionalSelect(lt1, jv, index1);
                    index2 = Vector.ConditionalSelect(lt2, jv, index2);
                    index3 = Vector.ConditionalSelect(lt3, jv, index3);
                }

                best0.CopyTo(best[i..]);
                best1.CopyTo(best[(i + dw)..]);
                best2.CopyTo(best[(i + (2 * dw))..]);
                best3.CopyTo(best[(i + (3 * dw))..]);
                index0.CopyTo(lanes);
                index1.CopyTo(lanes[dw..]);
                index2.CopyTo(lanes[(2 * dw)..]);
                index3.CopyTo(lanes[(3 * dw)..]);
                for (var l = 0; l < block; l++)
                {
                    bestIndex[i + l] = (int)lanes[l];
                }
            }
        }

        for (; i < len; i++)
        {
            for (var j = 0; j < k; j++)
            {
                var sum = 0.0;
                for (var f = 0; f < p; f++)
                {
                    var x = z[(f * ChunkSize) + i];
                    if (!double.IsNaN(x))
                    {
                        var diff = x - cz[(j * p) + f];
                        sum += diff * diff;
                    }
                }

                var mismatches = 0;
                for (var f = 0; f < q; f++)
                {
                    var x = codes[(f * ChunkSize) + i];
                    if (x != MixedDataMatrix.MissingCode && x != cc[(j * q) + f])
                    {
                        mismatches++;
                    }
                }

                var dist = sum + (d.Gamma * mismatches);
                if (j == 0 || dist < best[i])
                {
                    best[i] = dist;
                    bestIndex[i] = j;
                }
            }
        }
    }

    /// <summary>
    /// numSum[j × p + f] = the sum of the non-missing z-scores of feature f over the chunk's rows
    /// labelled j, added in row order. Four features at a time: lane l of cluster j's vector adds
    /// feature 4g + l of each row of cluster j in row order, a missing value as +0.0 (which changes no
    /// sum: a sum that starts at +0.0 never becomes −0.0), so every lane is the scalar sum to the bit,
    /// with one add per row instead of one per row and feature.
    /// </summary>
    internal static void SumByCluster(ReadOnlySpan<double> z, ReadOnlySpan<int> labels, int k, int p, Span<double> numSum)
    {
        numSum.Clear();
        if (p == 0)
        {
            return;
        }

        var len = labels.Length;
        if (!Vector256.IsHardwareAccelerated)
        {
            for (var f = 0; f < p; f++)
            {
                var col = z.Slice(f * ChunkSize, len);
                for (var i = 0; i < len; i++)
                {
                    var x = col[i];
                    if (!double.IsNaN(x))
                    {
                        numSum[(labels[i] * p) + f] += x;
                    }
                }
            }

            return;
        }

        Span<Vector256<double>> sums = k <= 64 ? stackalloc Vector256<double>[k] : new Vector256<double>[k];
        for (var g = 0; g < p; g += 4)
        {
            sums.Clear();
            var c0 = z.Slice(g * ChunkSize, len);
            var c1 = g + 1 < p ? z.Slice((g + 1) * ChunkSize, len) : default;
            var c2 = g + 2 < p ? z.Slice((g + 2) * ChunkSize, len) : default;
            var c3 = g + 3 < p ? z.Slice((g + 3) * ChunkSize, len) : default;
            for (var i = 0; i < len; i++)
            {
                var row = Vector256.Create(c0[i], c1.IsEmpty ? 0.0 : c1[i], c2.IsEmpty ? 0.0 : c2[i], c3.IsEmpty ? 0.0 : c3[i]);
                sums[labels[i]] += row & Vector256.Equals(row, row); // NaN (missing) -> +0.0
            }

            for (var j = 0; j < k; j++)
            {
                for (var l = 0; l < 4 && g + l < p; l++)
                {
                    numSum[(j * p) + g + l] = sums[j][l];
                }
            }
        }
    }

    /// <summary>What a prototype without a code (a feature missing in every household) is compared as: equal to no code.</summary>
    internal const int NoCode = int.MinValue;

    /// <summary>
    /// What the algorithm works on, computed once per fit. The matrix's columns are read in place (no
    /// copy of the data per fit or per restart): a chunk of rows is widened into a thread's scratch
    /// buffers (<see cref="LoadChunk"/>) each time it is visited, z-scores computed there exactly as a
    /// stored z column would hold them, so the results are bit for bit those of a precomputed copy.
    /// </summary>
    internal sealed class PreparedData
    {
        public int N { get; init; }

        public int NumericCount { get; init; }

        public int CategoricalCount { get; init; }

        /// <summary>The numeric clustering columns (raw values).</summary>
        public required NumericColumn[] Numerics { get; init; }

        /// <summary>The categorical clustering columns (codes).</summary>
        public required CategoricalColumn[] Categoricals { get; init; }

        public required int[] Cardinality { get; init; }

        /// <summary>Offset of each categorical feature's counts within one cluster's count block.</summary>
        public required int[] CategoryOffset { get; init; }

        public int CategoryStride { get; init; }

        public required int[] GlobalMode { get; init; }

        public double Gamma { get; init; }

        public required NumericStandardisation[] Standardisation { get; init; }

        public required CategoricalClusteringFeature[] CategoricalFeatures { get; init; }

        public int ChunkCount => (N + ChunkSize - 1) / ChunkSize;

        /// <summary>
        /// Rows [start, start + len) into scratch: z-scores column by column at z[f × ChunkSize + i],
        /// codes at codes[f × ChunkSize + i], and per row the number of categorical features not missing.
        /// </summary>
        public void LoadChunk(int start, int len, Span<double> z, Span<int> codes, Span<int> present)
        {
            for (var f = 0; f < NumericCount; f++)
            {
                var column = z.Slice(f * ChunkSize, len);
                Numerics[f].CopyTo(start, column);
                var mean = Standardisation[f].Mean;
                var sd = Standardisation[f].StandardDeviation;
                var i = 0;
                var width = Vector<double>.Count;
                var vm = new Vector<double>(mean);
                var vs = new Vector<double>(sd);
                for (; i <= column.Length - width; i += width)
                {
                    ((new Vector<double>(column[i..]) - vm) / vs).CopyTo(column[i..]); // per lane the same IEEE operations as below
                }

                for (; i < column.Length; i++)
                {
                    column[i] = (column[i] - mean) / sd;
                }
            }

            present = present[..len];
            present.Fill(CategoricalCount);
            var missing = new Vector<int>(MixedDataMatrix.MissingCode);
            for (var f = 0; f < CategoricalCount; f++)
            {
                var column = codes.Slice(f * ChunkSize, len);
                Categoricals[f].CopyTo(start, column);
                var i = 0;
                for (; i <= len - Vector<int>.Count; i += Vector<int>.Count)
                {
                    (new Vector<int>(present[i..]) + Vector.Equals(new Vector<int>(column[i..]), missing)).CopyTo(present[i..]); // a missing code adds -1
                }

                for (; i < len; i++)
                {
                    if (column[i] == MixedDataMatrix.MissingCode)
                    {
                        present[i]--;
                    }
                }
            }
        }

        /// <summary>The z-score of one household's numeric clustering feature (NaN = missing), as <see cref="LoadChunk"/> computes it.</summary>
        public double ZAt(int f, int row) => (Numerics[f][row] - Standardisation[f].Mean) / Standardisation[f].StandardDeviation;

        public static PreparedData Create(MixedDataMatrix matrix, double? gammaOverride, List<ClusteringNote> notes)
        {
            var n = matrix.RowCount;
            var z = new List<NumericColumn>();
            var std = new List<NumericStandardisation>();
            var codes = new List<CategoricalColumn>();
            var cats = new List<CategoricalClusteringFeature>();
            var sdSum = 0.0;
            double[]? values = null;
            for (var f = 0; f < matrix.Features.Count; f++)
            {
                var feature = matrix.Features[f];
                if (!feature.InDistance)
                {
                    continue;
                }

                if (feature.Type == FeatureType.Numeric)
                {
                    // Read a chunk at a time (a copy widens a chunk of floats at once), summed in row order.
                    var raw = matrix.Numeric(f);
                    values ??= new double[ChunkSize];
                    double sum = 0;
                    var count = 0;
                    for (var start = 0; start < n; start += ChunkSize)
                    {
                        var chunk = values.AsSpan(0, Math.Min(ChunkSize, n - start));
                        raw.CopyTo(start, chunk);
                        foreach (var x in chunk)
                        {
                            if (!double.IsNaN(x))
                            {
                                sum += x;
                                count++;
                            }
                        }
                    }

                    var mean = count > 0 ? sum / count : 0.0;
                    double squares = 0;
                    for (var start = 0; start < n; start += ChunkSize)
                    {
                        var chunk = values.AsSpan(0, Math.Min(ChunkSize, n - start));
                        raw.CopyTo(start, chunk);
                        foreach (var x in chunk)
                        {
                            if (!double.IsNaN(x))
                            {
                                squares += (x - mean) * (x - mean);
                            }
                        }
                    }

                    var sd = count > 0 ? Math.Sqrt(squares / count) : 0.0;
                    var constant = !(sd > 0);
                    sdSum += constant ? 0.0 : 1.0; // the sd of the standardised column
                    z.Add(raw);
                    std.Add(new NumericStandardisation(f, feature.Name, mean, constant ? 1.0 : sd));
                }
                else
                {
                    codes.Add(matrix.Categorical(f)); // read in place: no copy
                    cats.Add(new CategoricalClusteringFeature(f, feature.Name, matrix.CategoryValues(f)));
                }
            }

            double gamma;
            if (gammaOverride is { } g)
            {
                gamma = g;
            }
            else if (std.Count == 0)
            {
                gamma = 1.0;
                if (cats.Count > 0)
                {
                    notes.Add(new ClusteringNote(ClusteringNote.GammaWithoutNumerics, "No numeric clustering features: gamma is 1."));
                }
            }
            else
            {
                gamma = 0.5 * (sdSum / std.Count);
                if (gamma == 0)
                {
                    gamma = 0.5;
                }
            }

            var cardinality = new int[cats.Count];
            var offsets = new int[cats.Count];
            var modes = new int[cats.Count];
            var stride = 0;
            var block = new int[ChunkSize];
            for (var f = 0; f < cats.Count; f++)
            {
                // One read of the codes, a chunk at a time: the counts give the largest code too.
                var counts = new int[Math.Max(Math.Max(1, cats[f].Values.Count), codes[f].IsWide ? MaxCode(codes[f], block) + 1 : CategoricalColumn.MaxByteValues)];
                for (var start = 0; start < n; start += ChunkSize)
                {
                    var chunk = block.AsSpan(0, Math.Min(ChunkSize, n - start));
                    codes[f].CopyTo(start, chunk);
                    foreach (var code in chunk)
                    {
                        if (code >= 0)
                        {
                            counts[code]++;
                        }
                    }
                }

                var max = cats[f].Values.Count;
                for (var code = counts.Length - 1; code >= max; code--)
                {
                    if (counts[code] > 0)
                    {
                        max = code + 1;
                        break;
                    }
                }

                cardinality[f] = Math.Max(1, max);
                offsets[f] = stride;
                stride += cardinality[f];
                modes[f] = ArgMaxOrMissing(counts.AsSpan(0, cardinality[f]));
            }

            return new PreparedData
            {
                N = n,
                NumericCount = z.Count,
                CategoricalCount = codes.Count,
                Numerics = [.. z],
                Categoricals = [.. codes],
                Cardinality = cardinality,
                CategoryOffset = offsets,
                CategoryStride = stride,
                GlobalMode = modes,
                Gamma = gamma,
                Standardisation = [.. std],
                CategoricalFeatures = [.. cats],
            };
        }

        /// <summary>The largest code of a column held as ints (-1 when every value is missing).</summary>
        private static int MaxCode(CategoricalColumn column, int[] block)
        {
            var max = MixedDataMatrix.MissingCode;
            for (var start = 0; start < column.Length; start += ChunkSize)
            {
                var chunk = block.AsSpan(0, Math.Min(ChunkSize, column.Length - start));
                column.CopyTo(start, chunk);
                foreach (var code in chunk)
                {
                    max = Math.Max(max, code);
                }
            }

            return max;
        }

        /// <summary>The most frequent code (ties: the lowest), or -1 when nothing was counted.</summary>
        public static int ArgMaxOrMissing(ReadOnlySpan<int> counts)
        {
            var best = MixedDataMatrix.MissingCode;
            var bestCount = 0;
            for (var c = 0; c < counts.Length; c++)
            {
                if (counts[c] > bestCount)
                {
                    best = c;
                    bestCount = counts[c];
                }
            }

            return best;
        }
    }

    /// <summary>One fitted k (best restart).</summary>
    private sealed record FitOutcome(int K, int[] Labels, double[] CentroidZ, int[] CentroidCodes, double Cost, int Iterations, int Restart, int[] Sizes);

    /// <summary>
    /// A chunk's rows as the passes read them: z-scores column by column at Z[f × ChunkSize + i], codes
    /// at Codes[f × ChunkSize + i], and per row its categorical features that are not missing
    /// (<see cref="PreparedData.LoadChunk"/>).
    /// </summary>
    private sealed class LoadedChunk(double[] z, int[] codes, int[] present)
    {
        public LoadedChunk(PreparedData d)
            : this(new double[Math.Max(1, d.NumericCount) * ChunkSize], new int[Math.Max(1, d.CategoricalCount) * ChunkSize], new int[ChunkSize])
        {
        }

        public double[] Z { get; } = z;

        public int[] Codes { get; } = codes;

        public int[] Present { get; } = present;
    }

    /// <summary>One thread's working buffers for one chunk; pooled per fit, so a pass allocates nothing.</summary>
    private sealed class Scratch(PreparedData d)
    {
        /// <summary>The chunk loaded into this thread's buffers, when the fit does not keep it.</summary>
        public LoadedChunk Loaded { get; } = new(d);

        public double[] Best { get; } = new double[ChunkSize];

        public int[] BestIndex { get; } = new int[ChunkSize];

        public double[] Dist { get; } = new double[ChunkSize];

        /// <summary>The rows of the chunk whose label changed in this pass, and their labels before it.</summary>
        public int[] ChangedRows { get; } = new int[ChunkSize];

        public int[] PreviousLabels { get; } = new int[ChunkSize];
    }

    /// <summary>One clustering job: the state shared by all k and restarts.</summary>
    private sealed class Run(
        PreparedData d,
        KPrototypesOptions options,
        ParallelOptions parallel,
        IProgress<ClusteringProgress>? progress,
        List<ClusteringNote> notes)
    {
        private readonly List<KQuality> quality = [];
        private readonly System.Collections.Concurrent.ConcurrentBag<Scratch> scratches = [];
        private int[]? sample;
        private double[]? minDistances;
        private double[]? sampleDistances;
        private double[]? sampleZ;
        private int[]? sampleCodes;
        private int plannedFits;
        private int completedFits;

        // Loaded once for the whole fit when the dataset's loaded form is small (KPrototypesOptions.KeptBytes).
        private readonly LoadedChunk?[]? kept =
            (long)d.N * ((8L * d.NumericCount) + (4L * d.CategoricalCount) + 4) <= options.KeptBytes ? new LoadedChunk?[d.ChunkCount] : null;

        public ClusteringResult Execute(MixedDataMatrix matrix)
        {
            FitOutcome chosen;
            var min = options.MinClusterSize;
            if (options.K is { } requested)
            {
                plannedFits = options.Restarts;
                var k = requested;
                chosen = FitK(k);
                while (chosen.Sizes.Min() < min && k > 1)
                {
                    notes.Add(new ClusteringNote(
                        ClusteringNote.KReduced,
                        $"k = {k} gave a cluster of fewer than {min} households; k lowered to {k - 1}."));
                    k--;
                    plannedFits += options.Restarts;
                    chosen = FitK(k);
                }
            }
            else
            {
                plannedFits = (options.KMax - options.KMin + 1) * options.Restarts;
                var fits = new List<FitOutcome>();
                for (var k = options.KMin; k <= options.KMax; k++)
                {
                    fits.Add(FitK(k));
                }

                FitOutcome? best = null;
                double bestSilhouette = double.NegativeInfinity;
                foreach (var fit in fits)
                {
                    var q = quality.Last(q => q.K == fit.K);
                    if (!q.MeetsMinimumClusterSize)
                    {
                        notes.Add(new ClusteringNote(
                            ClusteringNote.KSkipped,
                            $"k = {fit.K} skipped: it gives a cluster of fewer than {min} households."));
                        continue;
                    }

                    var s = q.Silhouette ?? double.NegativeInfinity;
                    if (best is null || s > bestSilhouette)
                    {
                        best = fit;
                        bestSilhouette = s;
                    }
                }

                if (best is null)
                {
                    var k = options.KMin;
                    do
                    {
                        k--;
                        notes.Add(new ClusteringNote(
                            ClusteringNote.KReduced,
                            $"No k in {options.KMin}..{options.KMax} gives clusters of at least {min} households; trying k = {k}."));
                        plannedFits += options.Restarts;
                        best = FitK(k);
                    }
                    while (best.Sizes.Min() < min && k > 1);
                }

                chosen = best;
            }

            if (chosen.Sizes.Min() < min)
            {
                notes.Add(new ClusteringNote(
                    ClusteringNote.DatasetTooSmall,
                    $"Even a single cluster has fewer than {min} households: this clustering cannot be published."));
            }

            progress?.Report(new ClusteringProgress("done", chosen.K, chosen.Restart, chosen.Iterations, 1.0));
            return new ClusteringResult(
                BuildModel(matrix, chosen),
                chosen.Labels,
                options.K,
                chosen.Cost,
                chosen.Iterations,
                chosen.Restart,
                chosen.Sizes,
                [.. quality],
                [.. notes],
                min,
                options.Seed);
        }

        private FitOutcome FitK(int k)
        {
            var chunks = d.ChunkCount;
            var acc = new Accumulators(chunks, k, d);
            FitOutcome? best = null;

            // Every restart writes its labels into one array. While later restarts run, the best one's labels
            // wait as bytes (a quarter of the memory: 4 MB instead of 16 at 4 million households) and are put
            // back at the end. With more than 256 clusters the labels of a losing restart are reused instead.
            var packs = k <= 256;
            var working = packs ? new int[d.N] : null;
            byte[]? packed = null;
            int[]? spare = null;
            var notConverged = 0;
            for (var restart = 0; restart < options.Restarts; restart++)
            {
                parallel.CancellationToken.ThrowIfCancellationRequested();
                var outcome = RunRestart(k, restart, acc, working ?? spare ?? new int[d.N], out var converged);
                if (!converged)
                {
                    notConverged++;
                }

                if (best is null || outcome.Cost < best.Cost)
                {
                    if (packs && restart < options.Restarts - 1)
                    {
                        Pack(outcome.Labels, packed ??= new byte[d.N]);
                    }

                    spare = best?.Labels;
                    best = outcome;
                }
                else
                {
                    spare = outcome.Labels;
                }

                completedFits++;
            }

            if (packs && best!.Restart < options.Restarts - 1)
            {
                Unpack(packed!, best.Labels); // best.Labels is the working array, last written by a later restart
            }

            if (notConverged > 0)
            {
                notes.Add(new ClusteringNote(
                    ClusteringNote.NotConverged,
                    $"k = {k}: {notConverged} of {options.Restarts} restarts stopped at {options.MaxIterations} iterations."));
            }

            var smallest = best!.Sizes.Min();
            double? silhouette = k >= 2 ? Silhouette(best.Labels, k) : null;
            quality.Add(new KQuality(k, best.Cost, silhouette, smallest, smallest >= options.MinClusterSize, best.Iterations, best.Restart));
            return best;
        }

        private static void Pack(int[] labels, byte[] packed)
        {
            for (var i = 0; i < labels.Length; i++)
            {
                packed[i] = (byte)labels[i];
            }
        }

        private static void Unpack(byte[] packed, int[] labels)
        {
            for (var i = 0; i < labels.Length; i++)
            {
                labels[i] = packed[i];
            }
        }

        private FitOutcome RunRestart(int k, int restart, Accumulators acc, int[] labels, out bool converged)
        {
            var rng = new DeterministicRandom(options.Seed, (ulong)k, (ulong)restart);
            var cz = new double[k * d.NumericCount];
            var cc = new int[k * d.CategoricalCount];
            Initialise(k, rng, cz, cc);
            Array.Fill(labels, -1);
            var iteration = 0;
            double cost;
            converged = false;
            while (true)
            {
                parallel.CancellationToken.ThrowIfCancellationRequested();
                iteration++;
                (cost, var changed) = AssignAndAccumulate(k, cz, cc, labels, acc, firstPass: iteration == 1, lastIteration: iteration >= options.MaxIterations);
                progress?.Report(new ClusteringProgress(
                    "fitting", k, restart, iteration, Math.Min(0.99, (completedFits + ((double)iteration / options.MaxIterations)) / plannedFits)));
                if (changed == 0)
                {
                    converged = true;
                    break;
                }

                if (iteration >= options.MaxIterations)
                {
                    break;
                }

                UpdatePrototypes(k, cz, cc, acc);
            }

            var sizes = new int[k];
            for (var c = 0; c < acc.Sizes.Length; c++)
            {
                for (var j = 0; j < k; j++)
                {
                    sizes[j] += acc.Sizes[c][j];
                }
            }

            return new FitOutcome(k, labels, cz, cc, cost, iteration, restart, sizes);
        }

        private void Initialise(int k, DeterministicRandom rng, double[] cz, int[] cc)
        {
            if (options.Initialisation == PrototypeInitialisation.Random)
            {
                var chosen = new HashSet<int>();
                for (var j = 0; j < k; j++)
                {
                    int row;
                    do
                    {
                        row = rng.NextInt(d.N);
                    }
                    while (!chosen.Add(row));
                    SetPrototypeFromRow(j, row, cz, cc);
                }

                return;
            }

            SetPrototypeFromRow(0, rng.NextInt(d.N), cz, cc);
            var minDist = minDistances ??= new double[d.N];
            UpdateMinDistances(0, cz, cc, minDist, first: true);
            for (var j = 1; j < k; j++)
            {
                double total = 0;
                for (var i = 0; i < d.N; i++)
                {
                    total += minDist[i];
                }

                int row;
                if (total > 0)
                {
                    var target = rng.NextDouble() * total;
                    row = -1;
                    double cumulative = 0;
                    for (var i = 0; i < d.N; i++)
                    {
                        if (minDist[i] <= 0)
                        {
                            continue;
                        }

                        cumulative += minDist[i];
                        row = i;
                        if (cumulative > target)
                        {
                            break;
                        }
                    }
                }
                else
                {
                    row = rng.NextInt(d.N);
                }

                SetPrototypeFromRow(j, row, cz, cc);
                if (j < k - 1)
                {
                    UpdateMinDistances(j, cz, cc, minDist, first: false); // the last prototype's distances would choose nothing
                }
            }
        }

        private void UpdateMinDistances(int j, double[] cz, int[] cc, double[] minDist, bool first)
        {
            Parallel.For(0, d.ChunkCount, parallel, TakeScratch, (chunk, _, scratch) =>
            {
                var start = chunk * ChunkSize;
                var len = Math.Min(ChunkSize, d.N - start);
                var dist = scratch.Dist.AsSpan(0, len);
                var loaded = Load(chunk, scratch);
                PointDistances(
                    loaded.Z, loaded.Codes, ChunkSize, d.Gamma, cz.AsSpan(j * d.NumericCount, d.NumericCount), cc.AsSpan(j * d.CategoricalCount, d.CategoricalCount), dist);
                var target = minDist.AsSpan(start, len);
                if (first)
                {
                    dist.CopyTo(target);
                }
                else
                {
                    // Branch-free: the smaller of the two, exactly as "dist < target ? dist : target" per row.
                    var i = 0;
                    for (; i <= len - Vector<double>.Count; i += Vector<double>.Count)
                    {
                        var x = new Vector<double>(dist[i..]);
                        var t = new Vector<double>(target[i..]);
                        Vector.ConditionalSelect(Vector.LessThan(x, t), x, t).CopyTo(target[i..]);
                    }

                    for (; i < len; i++)
                    {
                        if (dist[i] < target[i])
                        {
                            target[i] = dist[i];
                        }
                    }
                }

                return scratch;
            }, scratches.Add);
        }

        /// <summary>
        /// The chunk's rows loaded: kept from the first visit on when the fit keeps its chunks (each
        /// chunk is visited by one thread per pass, and a pass ends before the next begins), otherwise
        /// loaded into the thread's scratch.
        /// </summary>
        private LoadedChunk Load(int chunk, Scratch scratch)
        {
            var start = chunk * ChunkSize;
            var len = Math.Min(ChunkSize, d.N - start);
            if (kept is null)
            {
                d.LoadChunk(start, len, scratch.Loaded.Z, scratch.Loaded.Codes, scratch.Loaded.Present);
                return scratch.Loaded;
            }

            if (kept[chunk] is { } loaded)
            {
                return loaded;
            }

            loaded = new LoadedChunk(d);
            d.LoadChunk(start, len, loaded.Z, loaded.Codes, loaded.Present);
            kept[chunk] = loaded;
            return loaded;
        }

        private Scratch TakeScratch() => scratches.TryTake(out var scratch) ? scratch : new Scratch(d);

        private void SetPrototypeFromRow(int j, int row, double[] cz, int[] cc)
        {
            for (var f = 0; f < d.NumericCount; f++)
            {
                var x = d.ZAt(f, row);
                cz[(j * d.NumericCount) + f] = double.IsNaN(x) ? 0.0 : x; // missing -> the mean
            }

            for (var f = 0; f < d.CategoricalCount; f++)
            {
                var x = d.Categoricals[f][row];
                cc[(j * d.CategoricalCount) + f] = x >= 0 ? x : d.GlobalMode[f];
            }
        }

        /// <summary>
        /// One pass: every household to its nearest prototype, the per-chunk sums and counts for the next
        /// prototypes, and the cost when the pass is the restart's last (no label changed, or
        /// <paramref name="lastIteration"/>; otherwise the cost is not used and not computed). The counts
        /// are kept from pass to pass and only the households whose label changed are moved, so
        /// <paramref name="firstPass"/> (labels all -1) starts them at zero.
        /// </summary>
        private (double Cost, long Changed) AssignAndAccumulate(int k, double[] cz, int[] cc, int[] labels, Accumulators acc, bool firstPass, bool lastIteration)
        {
            // Broadcast every prototype coordinate once per pass; read-only for all threads.
            var czV = new Vector<double>[cz.Length];
            for (var i = 0; i < cz.Length; i++)
            {
                czV[i] = new Vector<double>(cz[i]);
            }

            var ccV = new Vector<int>[cc.Length];
            for (var i = 0; i < cc.Length; i++)
            {
                ccV[i] = new Vector<int>(cc[i] == MixedDataMatrix.MissingCode ? NoCode : cc[i]);
            }

            Parallel.For(0, d.ChunkCount, parallel, TakeScratch, (chunk, _, scratch) =>
            {
                var start = chunk * ChunkSize;
                var len = Math.Min(ChunkSize, d.N - start);
                var best = scratch.Best.AsSpan(0, len);
                var bestIndex = scratch.BestIndex.AsSpan(0, len);
                var loaded = Load(chunk, scratch);
                NearestPrototypes(d, loaded.Z, loaded.Codes, loaded.Present, k, cz, cc, czV, ccV, best, bestIndex);

                var numSum = acc.NumericSum[chunk];
                var numCount = acc.NumericCount[chunk];
                var catCount = acc.CategoryCount[chunk];
                var sizes = acc.Sizes[chunk];
                if (firstPass)
                {
                    Array.Clear(numCount);
                    Array.Clear(catCount);
                    Array.Clear(sizes);
                }

                var changed = 0;
                var chunkLabels = labels.AsSpan(start, len);
                var changedRows = scratch.ChangedRows;
                var previous = scratch.PreviousLabels;
                for (var i = 0; i < len; i++)
                {
                    var label = bestIndex[i];
                    if (chunkLabels[i] != label)
                    {
                        changedRows[changed] = i;
                        previous[changed] = chunkLabels[i];
                        chunkLabels[i] = label;
                        changed++;
                    }
                }

                // The cost, a sum in row order (each add waits for the one before), counts only when
                // the pass is a restart's last: no label changed anywhere, or the last iteration.
                double cost = 0;
                if (changed == 0 || lastIteration)
                {
                    foreach (var distance in best)
                    {
                        cost += distance;
                    }
                }

                // The sums of z-scores per cluster and feature, in row order (a sum is not updated in
                // place, which would change its bits).
                SumByCluster(loaded.Z, bestIndex, k, d.NumericCount, numSum);

                // Counts are integers: moving the rows whose label changed gives exactly the recount,
                // and after the first passes few rows move. When many moved (every row at a restart's first
                // pass) the chunk is counted again, feature by feature: a sequential read of each column
                // instead of a scattered one per moved row (the moves took a third of a fit at 4 million).
                if (changed > len / 8)
                {
                    Recount(d, loaded, bestIndex, numCount, catCount, sizes);
                }
                else
                {
                    MoveChanged(d, loaded, bestIndex, changedRows, previous, changed, numCount, catCount, sizes);
                }

                acc.Cost[chunk] = cost;
                acc.Changed[chunk] = changed;
                return scratch;
            }, scratches.Add);

            double total = 0;
            long totalChanged = 0;
            for (var c = 0; c < d.ChunkCount; c++)
            {
                total += acc.Cost[c];
                totalChanged += acc.Changed[c];
            }

            return (total, totalChanged);
        }

        // The counts of one chunk from its labels alone: the same integers as moving every changed row.
        private static void Recount(PreparedData d, LoadedChunk loaded, ReadOnlySpan<int> labels, int[] numCount, int[] catCount, int[] sizes)
        {
            Array.Clear(sizes);
            Array.Clear(numCount);
            Array.Clear(catCount);
            foreach (var label in labels)
            {
                sizes[label]++;
            }

            var p = d.NumericCount;
            for (var f = 0; f < p; f++)
            {
                var column = loaded.Z.AsSpan(f * ChunkSize, labels.Length);
                for (var i = 0; i < column.Length; i++)
                {
                    if (!double.IsNaN(column[i]))
                    {
                        numCount[(labels[i] * p) + f]++;
                    }
                }
            }

            var stride = d.CategoryStride;
            for (var f = 0; f < d.CategoricalCount; f++)
            {
                var column = loaded.Codes.AsSpan(f * ChunkSize, labels.Length);
                var offset = d.CategoryOffset[f];
                for (var i = 0; i < column.Length; i++)
                {
                    var x = column[i];
                    if (x >= 0)
                    {
                        catCount[(labels[i] * stride) + offset + x]++;
                    }
                }
            }
        }

        private static void MoveChanged(
            PreparedData d, LoadedChunk loaded, ReadOnlySpan<int> bestIndex, int[] changedRows, int[] previous, int changed, int[] numCount, int[] catCount, int[] sizes)
        {
            for (var c = 0; c < changed; c++)
            {
                var i = changedRows[c];
                var from = previous[c];
                var to = bestIndex[i];
                if (from >= 0)
                {
                    sizes[from]--;
                }

                sizes[to]++;
                for (var f = 0; f < d.NumericCount; f++)
                {
                    if (!double.IsNaN(loaded.Z[(f * ChunkSize) + i]))
                    {
                        if (from >= 0)
                        {
                            numCount[(from * d.NumericCount) + f]--;
                        }

                        numCount[(to * d.NumericCount) + f]++;
                    }
                }

                for (var f = 0; f < d.CategoricalCount; f++)
                {
                    var x = loaded.Codes[(f * ChunkSize) + i];
                    if (x >= 0)
                    {
                        var offset = d.CategoryOffset[f] + x;
                        if (from >= 0)
                        {
                            catCount[(from * d.CategoryStride) + offset]--;
                        }

                        catCount[(to * d.CategoryStride) + offset]++;
                    }
                }
            }
        }

        private void UpdatePrototypes(int k, double[] cz, int[] cc, Accumulators acc)
        {
            var chunks = d.ChunkCount;
            for (var slot = 0; slot < k * d.NumericCount; slot++)
            {
                double sum = 0;
                long count = 0;
                for (var c = 0; c < chunks; c++)
                {
                    sum += acc.NumericSum[c][slot];
                    count += acc.NumericCount[c][slot];
                }

                if (count > 0)
                {
                    cz[slot] = sum / count;
                }
            }

            var counts = new int[d.CategoryStride];
            for (var j = 0; j < k; j++)
            {
                Array.Clear(counts);
                for (var c = 0; c < chunks; c++)
                {
                    var block = acc.CategoryCount[c].AsSpan(j * d.CategoryStride, d.CategoryStride);
                    for (var v = 0; v < block.Length; v++)
                    {
                        counts[v] += block[v];
                    }
                }

                for (var f = 0; f < d.CategoricalCount; f++)
                {
                    var mode = PreparedData.ArgMaxOrMissing(counts.AsSpan(d.CategoryOffset[f], d.Cardinality[f]));
                    if (mode >= 0)
                    {
                        cc[(j * d.CategoricalCount) + f] = mode;
                    }
                }
            }
        }

        private double Silhouette(int[] labels, int k)
        {
            EnsureSample();
            var s = sample!.Length;
            var dist = sampleDistances;
            var p = d.NumericCount;
            var q = d.CategoricalCount;

            // The sample grouped by cluster, in sample order within each cluster (a stable counting
            // sort), so a household's distance sum to a cluster is one run of adds, taken in the same
            // order as before: the same bits.
            var sizes = new int[k];
            foreach (var row in sample)
            {
                sizes[labels[row]]++;
            }

            var first = new int[k + 1];
            for (var c = 0; c < k; c++)
            {
                first[c + 1] = first[c] + sizes[c];
            }

            var order = new int[s];
            var next = first[..k];
            var sampleLabels = new int[s];
            for (var i = 0; i < s; i++)
            {
                sampleLabels[i] = labels[sample[i]];
                order[next[sampleLabels[i]]++] = i;
            }

            // With k given the distances are computed here, against the sample's columns in that
            // grouped order; chosen k's read the kept distances through the order.
            double[]? groupedZ = null;
            int[]? groupedCodes = null;
            if (dist is null)
            {
                groupedZ = new double[s * p];
                groupedCodes = new int[s * q];
                for (var t = 0; t < s; t++)
                {
                    for (var f = 0; f < p; f++)
                    {
                        groupedZ[(f * s) + t] = sampleZ![(f * s) + order[t]];
                    }

                    for (var f = 0; f < q; f++)
                    {
                        groupedCodes[(f * s) + t] = sampleCodes![(f * s) + order[t]];
                    }
                }
            }

            // Four households at a time: four independent runs of adds instead of one, which waits
            // for each add. A household's own distance (0) is added too, which changes no sum.
            const int Rows = 4;
            var values = new double[s];
            Parallel.For(0, (s + Rows - 1) / Rows, parallel, () => dist is null ? new double[Rows * s] : [], (block, _, buffer) =>
            {
                var i0 = block * Rows;
                var n = Math.Min(Rows, s - i0);
                for (var r = 0; r < n; r++)
                {
                    if (dist is null)
                    {
                        SampleDistances(i0 + r, groupedZ, groupedCodes, buffer.AsSpan(r * s, s));
                    }
                }

                ReadOnlySpan<double> Row(int r) => dist is null ? buffer.AsSpan(Math.Min(r, n - 1) * s, s) : dist.AsSpan((i0 + Math.Min(r, n - 1)) * s, s);
                var row0 = Row(0);
                var row1 = Row(1);
                var row2 = Row(2);
                var row3 = Row(3);
                Span<double> sums = k <= 64 ? stackalloc double[Rows * k] : new double[Rows * k];
                for (var c = 0; c < k; c++)
                {
                    double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                    for (var t = first[c]; t < first[c + 1]; t++)
                    {
                        var j = dist is null ? t : order[t];
                        s0 += row0[j];
                        s1 += row1[j];
                        s2 += row2[j];
                        s3 += row3[j];
                    }

                    sums[c] = s0;
                    sums[k + c] = s1;
                    sums[(2 * k) + c] = s2;
                    sums[(3 * k) + c] = s3;
                }

                for (var r = 0; r < n; r++)
                {
                    var i = i0 + r;
                    var own = sampleLabels[i];
                    var ownCount = sizes[own] - 1;
                    if (ownCount == 0)
                    {
                        values[i] = 0; // a singleton in the sample: silhouette 0 by convention
                        continue;
                    }

                    var a = sums[(r * k) + own] / ownCount;
                    var b = double.PositiveInfinity;
                    for (var c = 0; c < k; c++)
                    {
                        if (c != own && sizes[c] > 0)
                        {
                            b = Math.Min(b, sums[(r * k) + c] / sizes[c]);
                        }
                    }

                    var denominator = Math.Max(a, b);
                    values[i] = double.IsPositiveInfinity(b) || denominator <= 0 ? 0 : (b - a) / denominator;
                }

                return buffer;
            }, _ => { });

            double total = 0;
            foreach (var v in values)
            {
                total += v;
            }

            return total / s;
        }

        private void EnsureSample()
        {
            if (sample is not null)
            {
                return;
            }

            var n = d.N;
            var s = Math.Min(options.SilhouetteSampleSize, n);
            int[] chosen;
            if (s == n)
            {
                chosen = new int[n];
                for (var i = 0; i < n; i++)
                {
                    chosen[i] = i;
                }
            }
            else
            {
                // Partial Fisher–Yates over a virtual identity permutation: O(s) memory.
                var rng = new DeterministicRandom(options.Seed, ulong.MaxValue, 0);
                var swapped = new Dictionary<int, int>();
                chosen = new int[s];
                for (var i = 0; i < s; i++)
                {
                    var j = i + rng.NextInt(n - i);
                    var atJ = swapped.TryGetValue(j, out var vj) ? vj : j;
                    var atI = swapped.TryGetValue(i, out var vi) ? vi : i;
                    swapped[j] = atI;
                    chosen[i] = atJ;
                }

                Array.Sort(chosen);
            }

            // The sample's rows gathered densely, column by column, so each household's distances to
            // the whole sample are one vectorised pass (PointDistances); read from the matrix at
            // scattered rows they cost a cache miss per feature for each of the s² pairs. When k is
            // chosen, each k's silhouette reads the same distances, so they are computed once and kept,
            // s² doubles (32 MB for 2,000; the dissimilarity is symmetric bit for bit, (x - y)² equals
            // (y - x)² exactly); with k given they are computed row by row as the one silhouette needs
            // them, and nothing of that size is held.
            var p = d.NumericCount;
            var q = d.CategoricalCount;
            var sz = new double[s * p];
            var sc = new int[s * q];
            for (var f = 0; f < p; f++)
            {
                for (var i = 0; i < s; i++)
                {
                    sz[(f * s) + i] = d.ZAt(f, chosen[i]);
                }
            }

            for (var f = 0; f < q; f++)
            {
                for (var i = 0; i < s; i++)
                {
                    sc[(f * s) + i] = d.Categoricals[f][chosen[i]];
                }
            }

            sample = chosen;
            sampleZ = sz;
            sampleCodes = sc;
            if (options.K is not null)
            {
                return;
            }

            var distances = new double[s * s];
            Parallel.For(0, s, parallel, i => SampleDistances(i, sampleZ, sampleCodes, distances.AsSpan(i * s, s)));
            sampleDistances = distances;
        }

        /// <summary>
        /// The dissimilarities between sample household i and every sample household (missing terms
        /// skipped), like <see cref="ClusterModel.Distance"/>: against the sample's columns in
        /// <paramref name="columnsZ"/> and <paramref name="columnsCodes"/> (the sample's own, or the same
        /// households in another order).
        /// </summary>
        private void SampleDistances(int i, double[]? columnsZ, int[]? columnsCodes, Span<double> row)
        {
            var p = d.NumericCount;
            var q = d.CategoricalCount;
            var s = sample!.Length;
            Span<double> pointZ = p <= 64 ? stackalloc double[p] : new double[p];
            Span<int> pointCodes = q <= 64 ? stackalloc int[q] : new int[q];
            for (var f = 0; f < p; f++)
            {
                pointZ[f] = sampleZ![(f * s) + i];
            }

            for (var f = 0; f < q; f++)
            {
                pointCodes[f] = sampleCodes![(f * s) + i];
            }

            PointDistances(columnsZ, columnsCodes, s, d.Gamma, pointZ, pointCodes, row);
        }

        private ClusterModel BuildModel(MixedDataMatrix matrix, FitOutcome fit)
        {
            var centroids = new Centroid[fit.K];
            for (var j = 0; j < fit.K; j++)
            {
                var z = new double[d.NumericCount];
                var raw = new double[d.NumericCount];
                for (var f = 0; f < d.NumericCount; f++)
                {
                    z[f] = fit.CentroidZ[(j * d.NumericCount) + f];
                    raw[f] = d.Standardisation[f].Unstandardise(z[f]);
                }

                var codes = new int[d.CategoricalCount];
                var values = new string[d.CategoricalCount];
                for (var f = 0; f < d.CategoricalCount; f++)
                {
                    codes[f] = fit.CentroidCodes[(j * d.CategoricalCount) + f];
                    var declared = d.CategoricalFeatures[f].Values;
                    values[f] = codes[f] >= 0 && codes[f] < declared.Count ? declared[codes[f]] : string.Empty;
                }

                centroids[j] = new Centroid(j, fit.Sizes[j], raw, z, codes, values);
            }

            return new ClusterModel(matrix.Features, d.Standardisation, d.CategoricalFeatures, d.Gamma, centroids);
        }
    }

    /// <summary>Per-chunk partial sums, reduced in chunk order so the totals do not depend on threads.</summary>
    private sealed class Accumulators
    {
        public Accumulators(int chunks, int k, PreparedData d)
        {
            Cost = new double[chunks];
            Changed = new long[chunks];
            NumericSum = new double[chunks][];
            NumericCount = new int[chunks][];
            CategoryCount = new int[chunks][];
            Sizes = new int[chunks][];
            for (var c = 0; c < chunks; c++)
            {
                NumericSum[c] = new double[k * d.NumericCount];
                NumericCount[c] = new int[k * d.NumericCount];
                CategoryCount[c] = new int[k * d.CategoryStride];
                Sizes[c] = new int[k];
            }
        }

        public double[] Cost { get; }

        public long[] Changed { get; }

        public double[][] NumericSum { get; }

        public int[][] NumericCount { get; }

        public int[][] CategoryCount { get; }

        public int[][] Sizes { get; }
    }
}
