using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Datawijs.Data.Datasets;
using Datawijs.Domain.Clustering;
using Datawijs.Domain.Datasets;

namespace Datawijs.Api.Features.Datasets;

/// <summary>
/// Reads stored records straight into the clustering matrix's compact columns: the records stream from
/// the database as UTF-8 (<see cref="IStoredRecordSink"/>) and are parsed in place, a numeric cell into
/// a 32-bit float while every value of its column is exact as one (otherwise that column becomes
/// doubles), a categorical cell into a one-byte code. No string, no row object and no copy of the
/// matrix: the columns are allocated once at the dataset's record count. Outcome features (duration and
/// event) never enter the matrix, so they take no part in the distance, the profile descriptions, the
/// disclosure gate, the advice or the counterfactuals, which all work on the matrix's features; they are
/// read into arrays of their own for the time to outflow.
/// </summary>
public static class MatrixLoader
{
    /// <summary>The features that enter the matrix, in declared order: every feature except the outcome.</summary>
    public static IReadOnlyList<FeatureDefinition> MatrixFeatures(IReadOnlyList<FeatureDefinition> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        return features.Where(f => !f.IsOutcome).ToList();
    }

    /// <summary>Loads the records a new clustering reads (see <see cref="DatasetRepository.ReadRecordsForClusteringAsync(Guid, Guid, IStoredRecordSink, CancellationToken)"/>).</summary>
    public static async Task<MixedDataMatrix> LoadAsync(
        IReadOnlyList<FeatureDefinition> features, DatasetRepository datasets, Guid tenantId, Guid datasetId, CancellationToken ct) =>
        (await LoadWithOutcomeAsync(features, datasets, tenantId, datasetId, ct)).Matrix;

    /// <summary>
    /// As <see cref="LoadAsync"/>, with the outflow outcome of every row when the dataset declares one. A large
    /// dataset is read in as many parts as there are cores (at most <see cref="MaxParts"/>): each part is one range
    /// of row numbers, read on a connection of its own and parsed straight into its own stretch of the columns,
    /// so the matrix holds the same rows in the same order as one read would give.
    /// </summary>
    public static Task<LoadedRecords> LoadWithOutcomeAsync(
        IReadOnlyList<FeatureDefinition> features, DatasetRepository datasets, Guid tenantId, Guid datasetId, CancellationToken ct) =>
        LoadWithOutcomeAsync(features, datasets, tenantId, datasetId, parts: null, ct);

    /// <summary>Records a part of a parallel load covers at the least; below twice this a dataset is read in one part.</summary>
    public const int MinRowsPerPart = 32_768;

    /// <summary>The most parts a load is split into (each part takes a core and a read connection).</summary>
    public const int MaxParts = 4;

    /// <summary>As the public overload; <paramref name="parts"/> fixes the number of parts (tests), null = by size and cores.</summary>
    internal static async Task<LoadedRecords> LoadWithOutcomeAsync(
        IReadOnlyList<FeatureDefinition> features, DatasetRepository datasets, Guid tenantId, Guid datasetId, int? parts, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(datasets);
        if (await datasets.RecordRowRangeAsync(tenantId, datasetId, ct) is not { } rows)
        {
            return new ColumnsBuilder(features, 0).BuildWithOutcome();
        }

        // Row numbers are unique in a dataset, so the range bounds the number of records: the columns are
        // allocated once, at that size, and never grow.
        var span = rows.Last - rows.First + 1;
        if (span > Array.MaxLength)
        {
            throw new InvalidOperationException("The dataset has more records than one clustering can hold.");
        }

        var count = parts ?? (int)Math.Clamp(Math.Min(Environment.ProcessorCount, span / MinRowsPerPart), 1, MaxParts);
        count = (int)Math.Clamp(count, 1, Math.Max(1, span));
        var columns = new ColumnsBuilder(features, (int)span);
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var reads = new Task[count];
        for (var p = 0; p < count; p++)
        {
            var from = rows.First + (span * p / count);
            var to = rows.First + (span * (p + 1) / count) - 1;
            var sink = columns.Part((int)(from - rows.First), (int)(to - from + 1));
            // A thread of its own per part (SQLite's rows are stepped synchronously): parts on the thread pool
            // held its few threads (two on a two-core machine) and requests waited for the pool to grow.
            reads[p] = Task.Factory.StartNew(
                async () =>
                {
                    try
                    {
                        await datasets.ReadRecordsForClusteringAsync(tenantId, datasetId, from, to, sink, failed.Token);
                    }
                    catch
                    {
                        // A record that does not match stops the other parts too.
                        await failed.CancelAsync();
                        throw;
                    }
                },
                failed.Token,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default).Unwrap();
        }

        // A part stopped by another's failure ends cancelled, so the failure is what this throws.
        await Task.WhenAll(reads);
        return columns.BuildWithOutcome();
    }

    /// <summary>
    /// The columns being filled by parts (<see cref="Part"/>), each filling its own stretch of the columns,
    /// possibly at the same time. The columns are allocated once, at the capacity given, and never grow.
    /// </summary>
    internal sealed class ColumnsBuilder
    {
        private const byte Separator = (byte)DatasetRepository.CellSeparator;
        private readonly IReadOnlyList<FeatureDefinition> _declared;
        private readonly IReadOnlyList<FeatureDefinition> _features;
        private readonly int[] _column; // per declared feature: its column in the matrix, or -1 for the outcome
        private readonly bool[] _numeric; // per matrix column
        private readonly int _durationIndex = -1;
        private readonly int _eventIndex = -1;
        private readonly byte[]? _eventValue;
        private readonly double[]? _durations;
        private readonly bool[]? _events;
        private readonly float[]?[] _singles;
        private readonly double[]?[] _doubles;
        private readonly byte[]?[] _bytes;
        private readonly int[]?[] _ints;
        private readonly byte[][][] _values;
        private readonly List<ColumnsPart> _parts = [];
        private readonly Lock _widening = new();
        private readonly int _capacity;

        public ColumnsBuilder(IReadOnlyList<FeatureDefinition> features, int capacity)
        {
            ArgumentNullException.ThrowIfNull(features);
            _declared = features;
            _features = MatrixFeatures(features);
            _column = new int[features.Count];
            for (int d = 0, m = 0; d < features.Count; d++)
            {
                _column[d] = features[d].IsOutcome ? -1 : m++;
                if (features[d].Role == FeatureRole.Duration)
                {
                    _durationIndex = d;
                }
                else if (features[d].Role == FeatureRole.Event)
                {
                    _eventIndex = d;
                }
            }

            if (_durationIndex >= 0 && _eventIndex >= 0)
            {
                _eventValue = Encoding.UTF8.GetBytes(features[_eventIndex].EventValue ?? "");
                _durations = new double[capacity];
                _events = new bool[capacity];
            }

            _capacity = capacity;
            var count = _features.Count;
            _numeric = new bool[count];
            _singles = new float[]?[count];
            _doubles = new double[]?[count];
            _bytes = new byte[]?[count];
            _ints = new int[]?[count];
            _values = new byte[count][][];
            for (var f = 0; f < count; f++)
            {
                var feature = _features[f];
                if (feature.Type == FeatureType.Numeric)
                {
                    _numeric[f] = true;
                    _singles[f] = new float[capacity];
                    _values[f] = [];
                    continue;
                }

                var declared = feature.Values ?? throw new InvalidOperationException($"Categorical feature '{feature.Name}' declares no values.");
                _values[f] = declared.Select(Encoding.UTF8.GetBytes).ToArray();
                if (declared.Count <= CategoricalColumn.MaxByteValues)
                {
                    _bytes[f] = new byte[capacity];
                }
                else
                {
                    _ints[f] = new int[capacity];
                }
            }
        }

        /// <summary>
        /// A sink for the records of one part: at most <paramref name="limit"/> records, stored from row
        /// <paramref name="start"/> on. Parts are made in row order, each beginning where the last one's
        /// stretch ends; they may be filled at the same time (each on one thread). <see cref="Build"/>
        /// closes the gaps a part leaves when it has fewer records than its stretch.
        /// </summary>
        public IStoredRecordSink Part(int start, int limit)
        {
            var end = _parts.Count == 0 ? 0 : _parts[^1].Start + _parts[^1].Limit;
            if (start != end || limit < 0 || (long)start + limit > _capacity)
            {
                throw new InvalidOperationException("Parts follow one another within the columns.");
            }

            var part = new ColumnsPart(this, start, limit);
            _parts.Add(part);
            return part;
        }

        public LoadedRecords BuildWithOutcome()
        {
            var rows = Assemble();
            var matrix = BuildMatrix(rows);
            if (_durations is null || _events is null)
            {
                return new LoadedRecords(matrix, null, null);
            }

            return new LoadedRecords(matrix, _durations.AsSpan(0, rows).ToArray(), _events.AsSpan(0, rows).ToArray());
        }

        public MixedDataMatrix Build() => BuildMatrix(Assemble());

        private MixedDataMatrix BuildMatrix(int rows)
        {
            var columns = new Array[_features.Count];
            for (var f = 0; f < columns.Length; f++)
            {
                columns[f] = (Array?)_doubles[f] ?? (Array?)_singles[f] ?? (Array?)_bytes[f] ?? _ints[f]!;
                if (columns[f].Length != rows)
                {
                    // Fewer records than counted (a subject's "I don't want this" left some out): one copy per column.
                    var trimmed = Array.CreateInstance(columns[f].GetType().GetElementType()!, rows);
                    Array.Copy(columns[f], trimmed, rows);
                    columns[f] = trimmed;
                }
            }

            return MixedDataMatrix.FromColumns(_features, columns);
        }

        // Every part's rows in doubles where any part needed doubles, then the parts moved together in order
        // (an in-place move down, when a part had fewer records than its stretch). Returns the number of rows.
        private int Assemble()
        {
            for (var f = 0; f < _features.Count; f++)
            {
                if (_doubles[f] is { } doubles && _singles[f] is { } singles)
                {
                    foreach (var part in _parts.Where(p => !p.Wide[f]))
                    {
                        Widen(singles, doubles, part.Start, part.Rows);
                        part.Wide[f] = true;
                    }

                    _singles[f] = null;
                }
            }

            var rows = 0;
            foreach (var part in _parts)
            {
                if (part.Start != rows)
                {
                    for (var f = 0; f < _features.Count; f++)
                    {
                        var column = (Array?)_doubles[f] ?? (Array?)_singles[f] ?? (Array?)_bytes[f] ?? _ints[f]!;
                        Array.Copy(column, part.Start, column, rows, part.Rows);
                    }

                    if (_durations is not null && _events is not null)
                    {
                        Array.Copy(_durations, part.Start, _durations, rows, part.Rows);
                        Array.Copy(_events, part.Start, _events, rows, part.Rows);
                    }
                }

                rows += part.Rows;
            }

            return rows;
        }

        private static void Widen(float[] singles, double[] doubles, int start, int count)
        {
            for (var i = start; i < start + count; i++)
            {
                doubles[i] = singles[i];
            }
        }

        private static InvalidOperationException Mismatch(string problem) =>
            new(string.Create(CultureInfo.InvariantCulture, $"A stored record does not match the dataset's features: {problem}."));

        /// <summary>One stretch of the columns, filled by one thread.</summary>
        private sealed class ColumnsPart(ColumnsBuilder columns, int start, int limit) : IStoredRecordSink
        {
            public int Start { get; } = start;

            public int Limit { get; } = limit;

            public int Rows { get; private set; }

            /// <summary>Per column: this part writes doubles (its earlier rows were copied into them).</summary>
            public bool[] Wide { get; } = new bool[columns._features.Count];

            public void Add(ReadOnlySpan<byte> cells)
            {
                if (Rows == Limit)
                {
                    throw new InvalidOperationException("A part of the records holds more records than its range of row numbers.");
                }

                var row = Start + Rows;
                var rest = cells;
                var declared = columns._column;
                for (var d = 0; d < declared.Length; d++)
                {
                    ReadOnlySpan<byte> cell;
                    var end = rest.IndexOf(Separator);
                    if (end < 0)
                    {
                        cell = rest;
                        rest = [];
                    }
                    else
                    {
                        cell = rest[..end];
                        rest = rest[(end + 1)..];
                    }

                    var f = declared[d];
                    if (f < 0)
                    {
                        AddOutcome(row, d, cell);
                    }
                    else if (columns._numeric[f])
                    {
                        AddNumber(row, f, cell);
                    }
                    else
                    {
                        AddCode(row, f, cell);
                    }
                }

                Rows++;
            }

            private void AddOutcome(int row, int d, ReadOnlySpan<byte> cell)
            {
                // Upload refuses a missing or negative duration and a missing event, so every stored row has both.
                if (d == columns._durationIndex && columns._durations is { } durations)
                {
                    if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) || !double.IsFinite(x) || x < 0)
                    {
                        throw Mismatch($"'{columns._declared[d].Name}' holds a duration that is not a number of at least 0");
                    }

                    durations[row] = x;
                }
                else if (d == columns._eventIndex && columns._events is { } events)
                {
                    events[row] = cell.SequenceEqual(columns._eventValue);
                }
            }

            private void AddNumber(int row, int f, ReadOnlySpan<byte> cell)
            {
                var x = cell.IsEmpty ? double.NaN : Parse(f, cell);
                if (!Wide[f])
                {
                    var single = (float)x;
                    if (double.IsNaN(x) || single == x)
                    {
                        columns._singles[f]![row] = single;
                        return;
                    }

                    // The first value a float cannot hold exactly: the column is kept as doubles. This part copies
                    // its own rows so far; the other parts keep writing floats, copied when the columns are built.
                    double[] doubles;
                    lock (columns._widening)
                    {
                        doubles = columns._doubles[f] ??= new double[columns._capacity];
                    }

                    Widen(columns._singles[f]!, doubles, Start, Rows);
                    Wide[f] = true;
                }

                columns._doubles[f]![row] = x;
            }

            private double Parse(int f, ReadOnlySpan<byte> cell)
            {
                // Whole numbers are stored as such (StoredRecordCodec); a long converts to exactly the same double.
                // ("-0" is left to double.TryParse, which keeps its sign.)
                if (cell.Length <= 15 && Utf8Parser.TryParse(cell, out long whole, out var used) && used == cell.Length && (whole != 0 || cell[0] != (byte)'-'))
                {
                    return Check(f, whole);
                }

                if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) || !double.IsFinite(x))
                {
                    throw Mismatch($"'{columns._features[f].Name}' holds a cell that is not a number");
                }

                return Check(f, x);
            }

            private double Check(int f, double x)
            {
                var feature = columns._features[f];
                if ((feature.Min is { } min && x < min) || (feature.Max is { } max && x > max))
                {
                    throw Mismatch(string.Create(CultureInfo.InvariantCulture, $"'{feature.Name}': {x} is outside the declared range"));
                }

                return x;
            }

            private void AddCode(int row, int f, ReadOnlySpan<byte> cell)
            {
                var code = MixedDataMatrix.MissingCode;
                if (!cell.IsEmpty)
                {
                    var values = columns._values[f];
                    for (var c = 0; c < values.Length; c++)
                    {
                        if (cell.SequenceEqual(values[c]))
                        {
                            code = c;
                            break;
                        }
                    }

                    if (code < 0)
                    {
                        throw Mismatch($"'{columns._features[f].Name}' holds a value that is not one of the declared values");
                    }
                }

                if (columns._bytes[f] is { } bytes)
                {
                    bytes[row] = code < 0 ? byte.MaxValue : (byte)code;
                }
                else
                {
                    columns._ints[f]![row] = code;
                }
            }
        }
    }
}
