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
        IReadOnlyList<FeatureDefinition> features, DatasetRepository datasets, Guid tenantId, Guid datasetId, long expectedRows, CancellationToken ct) =>
        (await LoadWithOutcomeAsync(features, datasets, tenantId, datasetId, expectedRows, ct)).Matrix;

    /// <summary>As <see cref="LoadAsync"/>, with the outflow outcome of every row when the dataset declares one.</summary>
    public static async Task<LoadedRecords> LoadWithOutcomeAsync(
        IReadOnlyList<FeatureDefinition> features, DatasetRepository datasets, Guid tenantId, Guid datasetId, long expectedRows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(datasets);
        var columns = new ColumnsBuilder(features, (int)Math.Clamp(expectedRows, 16, Array.MaxLength));
        await datasets.ReadRecordsForClusteringAsync(tenantId, datasetId, columns, ct);
        return columns.BuildWithOutcome();
    }

    /// <summary>The columns being filled, one record at a time.</summary>
    internal sealed class ColumnsBuilder : IStoredRecordSink
    {
        private const byte Separator = (byte)DatasetRepository.CellSeparator;
        private readonly IReadOnlyList<FeatureDefinition> _declared;
        private readonly IReadOnlyList<FeatureDefinition> _features;
        private readonly int[] _column; // per declared feature: its column in the matrix, or -1 for the outcome
        private readonly int _durationIndex = -1;
        private readonly int _eventIndex = -1;
        private readonly byte[]? _eventValue;
        private double[]? _durations;
        private bool[]? _events;
        private readonly float[]?[] _singles;
        private readonly double[]?[] _doubles;
        private readonly byte[]?[] _bytes;
        private readonly int[]?[] _ints;
        private readonly byte[][][] _values;
        private int _rows;
        private int _capacity;

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

        public void Add(ReadOnlySpan<byte> cells)
        {
            if (_rows == _capacity)
            {
                Grow();
            }

            var rest = cells;
            for (var d = 0; d < _declared.Count; d++)
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

                var f = _column[d];
                if (f < 0)
                {
                    AddOutcome(d, cell);
                }
                else if (_features[f].Type == FeatureType.Numeric)
                {
                    AddNumber(f, cell);
                }
                else
                {
                    AddCode(f, cell);
                }
            }

            _rows++;
        }

        public LoadedRecords BuildWithOutcome()
        {
            var matrix = Build();
            if (_durations is null || _events is null)
            {
                return new LoadedRecords(matrix, null, null);
            }

            return new LoadedRecords(matrix, _durations.AsSpan(0, _rows).ToArray(), _events.AsSpan(0, _rows).ToArray());
        }

        public MixedDataMatrix Build()
        {
            var columns = new Array[_features.Count];
            for (var f = 0; f < columns.Length; f++)
            {
                columns[f] = (Array?)_singles[f] ?? (Array?)_doubles[f] ?? (Array?)_bytes[f] ?? _ints[f]!;
                if (columns[f].Length != _rows)
                {
                    // Fewer records than counted (a subject's "I don't want this" left some out): one copy per column.
                    var trimmed = Array.CreateInstance(columns[f].GetType().GetElementType()!, _rows);
                    Array.Copy(columns[f], trimmed, _rows);
                    columns[f] = trimmed;
                }
            }

            return MixedDataMatrix.FromColumns(_features, columns);
        }

        private void AddOutcome(int d, ReadOnlySpan<byte> cell)
        {
            // Upload refuses a missing or negative duration and a missing event, so every stored row has both.
            if (d == _durationIndex && _durations is not null)
            {
                if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) || !double.IsFinite(x) || x < 0)
                {
                    throw Mismatch($"'{_declared[d].Name}' holds a duration that is not a number of at least 0");
                }

                _durations[_rows] = x;
            }
            else if (d == _eventIndex && _events is not null)
            {
                _events[_rows] = cell.SequenceEqual(_eventValue);
            }
        }

        private void AddNumber(int f, ReadOnlySpan<byte> cell)
        {
            var x = cell.IsEmpty ? double.NaN : Parse(f, cell);
            if (_singles[f] is { } singles)
            {
                var single = (float)x;
                if (double.IsNaN(x) || single == x)
                {
                    singles[_rows] = single;
                    return;
                }

                // The first value a float cannot hold exactly: this column is kept as doubles from now on.
                var doubles = new double[_capacity];
                for (var i = 0; i < _rows; i++)
                {
                    doubles[i] = singles[i];
                }

                _doubles[f] = doubles;
                _singles[f] = null;
            }

            _doubles[f]![_rows] = x;
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
                throw Mismatch($"'{_features[f].Name}' holds a cell that is not a number");
            }

            return Check(f, x);
        }

        private double Check(int f, double x)
        {
            var feature = _features[f];
            if ((feature.Min is { } min && x < min) || (feature.Max is { } max && x > max))
            {
                throw Mismatch(string.Create(CultureInfo.InvariantCulture, $"'{feature.Name}': {x} is outside the declared range"));
            }

            return x;
        }

        private void AddCode(int f, ReadOnlySpan<byte> cell)
        {
            var code = MixedDataMatrix.MissingCode;
            if (!cell.IsEmpty)
            {
                var values = _values[f];
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
                    throw Mismatch($"'{_features[f].Name}' holds a value that is not one of the declared values");
                }
            }

            if (_bytes[f] is { } bytes)
            {
                bytes[_rows] = code < 0 ? byte.MaxValue : (byte)code;
            }
            else
            {
                _ints[f]![_rows] = code;
            }
        }

        private void Grow()
        {
            var capacity = (int)Math.Min(Array.MaxLength, Math.Max(16L, _capacity + (_capacity / 2L)));
            for (var f = 0; f < _features.Count; f++)
            {
                if (_singles[f] is { } singles)
                {
                    Array.Resize(ref singles, capacity);
                    _singles[f] = singles;
                }

                if (_doubles[f] is { } doubles)
                {
                    Array.Resize(ref doubles, capacity);
                    _doubles[f] = doubles;
                }

                if (_bytes[f] is { } bytes)
                {
                    Array.Resize(ref bytes, capacity);
                    _bytes[f] = bytes;
                }

                if (_ints[f] is { } ints)
                {
                    Array.Resize(ref ints, capacity);
                    _ints[f] = ints;
                }
            }

            if (_durations is not null)
            {
                Array.Resize(ref _durations, capacity);
            }

            if (_events is not null)
            {
                Array.Resize(ref _events, capacity);
            }

            _capacity = capacity;
        }

        private static InvalidOperationException Mismatch(string problem) =>
            new(string.Create(CultureInfo.InvariantCulture, $"A stored record does not match the dataset's features: {problem}."));
    }
}
