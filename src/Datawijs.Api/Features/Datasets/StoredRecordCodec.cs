using System.Globalization;
using System.Text;
using Datawijs.Data.Datasets;
using Datawijs.Domain.Clustering;
using Datawijs.Domain.Datasets;

namespace Datawijs.Api.Features.Datasets;

/// <summary>
/// The stored form of a record's cells: declared feature order, separated by
/// <see cref="DatasetRepository.CellSeparator"/>, empty = missing, a categorical value as declared and a
/// number in round-trip invariant form ("R"). Writes UTF-8, the form the database stores, into one reused
/// buffer (no allocation and no transcoding per row) and reads stored records back into codes and numbers.
/// </summary>
public sealed class StoredRecordCodec
{
    private readonly RecordSchema _schema;
    private readonly List<CellProblem> _problems = [];
    private readonly byte[][][] _values;
    private byte[] _buffer = new byte[512];

    public StoredRecordCodec(RecordSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        _schema = schema;

        // The declared values once as UTF-8, so that writing a record encodes nothing.
        _values = [.. schema.Features.Select(f => f.Type == FeatureType.Numeric ? [] : (f.Values ?? []).Select(Encoding.UTF8.GetBytes).ToArray())];
    }

    /// <summary>The stored cells of one record as UTF-8, valid until the next call.</summary>
    public ReadOnlyMemory<byte> Write(ReadOnlySpan<int> codes, ReadOnlySpan<double> numbers)
    {
        var features = _schema.Features;
        var used = 0;
        for (var f = 0; f < features.Count; f++)
        {
            if (f > 0)
            {
                Ensure(used + 1);
                _buffer[used++] = (byte)DatasetRepository.CellSeparator;
            }

            if (features[f].Type == FeatureType.Numeric)
            {
                if (double.IsNaN(numbers[f]))
                {
                    continue;
                }

                used += Format(numbers[f], used);
            }
            else if (codes[f] != MixedDataMatrix.MissingCode)
            {
                var value = _values[f][codes[f]];
                Ensure(used + value.Length);
                value.CopyTo(_buffer.AsSpan(used));
                used += value.Length;
            }
        }

        return _buffer.AsMemory(0, used);
    }

    /// <summary>Reads a stored record into codes and numbers; throws when it does not match the dataset's features.</summary>
    public void Read(string stored, Span<int> codes, Span<double> numbers)
    {
        ArgumentNullException.ThrowIfNull(stored);
        Read(stored.AsSpan(), codes, numbers);
    }

    /// <inheritdoc cref="Read(string, Span{int}, Span{double})"/>
    public void Read(ReadOnlySpan<char> stored, Span<int> codes, Span<double> numbers)
    {
        var rest = stored;
        _problems.Clear();
        for (var f = 0; f < _schema.Features.Count; f++)
        {
            var end = rest.IndexOf(DatasetRepository.CellSeparator);
            var cell = end < 0 ? rest : rest[..end];
            rest = end < 0 ? [] : rest[(end + 1)..];
            if (!_schema.TryRead(f, cell, _problems, out codes[f], out numbers[f]))
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"A stored record does not match the dataset's features: {_problems[0].Reason}"));
            }
        }
    }

    // "R" (shortest round trip) is the stored form; whole numbers below 1e15 print the same as a long,
    // which is several times cheaper, and most numeric features (ages, counts, euros) are whole.
    private int Format(double x, int at)
    {
        const double LongSafe = 1e15;
        int written;
        if (x == Math.Floor(x) && Math.Abs(x) < LongSafe && !(x == 0 && double.IsNegative(x)))
        {
            Ensure(at + 17);
            ((long)x).TryFormat(_buffer.AsSpan(at), out written, default, CultureInfo.InvariantCulture);
            return written;
        }

        while (!x.TryFormat(_buffer.AsSpan(at), out written, "R", CultureInfo.InvariantCulture))
        {
            Ensure(2 * _buffer.Length);
        }

        return written;
    }

    private void Ensure(int length)
    {
        if (_buffer.Length < length)
        {
            Array.Resize(ref _buffer, Math.Max(length, 2 * _buffer.Length));
        }
    }
}
