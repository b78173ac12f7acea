using System.Buffers;
using Datawijs.Domain.Datasets;

namespace Datawijs.Api.Features.Datasets.Upload;

/// <summary>
/// RFC 4180 CSV: comma-separated, fields optionally in double quotes ("" is a quote inside), records
/// end with LF or CRLF. The header names <c>subjectId</c> first, then every declared feature once, in any order.
/// A record's fields are copied back to back into one reused buffer and handed out as slices of it, so
/// reading allocates nothing per row.
/// </summary>
public sealed class CsvRecordReader(TextReader text, IReadOnlyList<FeatureDefinition> features) : IRecordReader
{
    private const int MaxColumns = 202;
    private static readonly SearchValues<char> Specials = SearchValues.Create(",\"\r\n");
    private readonly char[] _buffer = new char[32 * 1024]; // 64 KB: below the large object heap
    private readonly int[] _fieldStart = new int[MaxColumns];
    private readonly int[] _fieldLength = new int[MaxColumns];
    private char[] _chars = new char[4096];
    private int _used;
    private int _fieldCount;
    private int _currentStart;
    private bool _quoted;
    private bool _afterQuote;
    private bool _fieldStarted;
    private bool _tooLong;
    private int _position;
    private int _length;
    private bool _ended;
    private long _row;
    private int[] _featureOfColumn = [];

    public async Task<IReadOnlyList<RecordProblem>> StartAsync(CancellationToken ct)
    {
        var problems = new List<RecordProblem>();
        var tooLong = await ReadRecordAsync(ct);
        if (_fieldCount == 0 || tooLong)
        {
            problems.Add(new RecordProblem(0, null, "missing-header", "The first line must be the header: subjectId, then the feature names."));
            return problems;
        }

        var header = Enumerable.Range(0, _fieldCount).Select(c => Field(c).Span.Trim().ToString()).ToList();
        if (header.Count > 0 && header[0].Length > 0 && header[0][0] == '\uFEFF')
        {
            header[0] = header[0][1..];
        }

        if (header[0] != RecordFormats.SubjectColumn)
        {
            problems.Add(new RecordProblem(0, header[0], "subject-column", "The first column must be 'subjectId'."));
        }

        _featureOfColumn = new int[header.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var c = 1; c < header.Count; c++)
        {
            var index = IndexOf(header[c]);
            _featureOfColumn[c] = index;
            if (index < 0)
            {
                problems.Add(new RecordProblem(0, Shorten(header[c]), "unknown-column", "Not a declared feature of this dataset."));
            }
            else if (!seen.Add(header[c]))
            {
                problems.Add(new RecordProblem(0, header[c], "duplicate-column", "This column appears more than once."));
            }
        }

        foreach (var feature in features.Where(f => !seen.Contains(f.Name)))
        {
            problems.Add(new RecordProblem(0, feature.Name, "missing-column", "A declared feature has no column (leave its cells empty for missing values)."));
        }

        return problems;
    }

    public async ValueTask<bool> ReadAsync(UploadedRecord record, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        while (true)
        {
            var tooLong = await ReadRecordAsync(ct);
            if (_fieldCount == 0)
            {
                return false;
            }

            if (_fieldCount == 1 && _fieldLength[0] == 0 && !tooLong)
            {
                continue; // blank line
            }

            _row++;
            record.Start(_row);
            if (tooLong)
            {
                record.AddProblem(null, "too-long", $"A value is longer than {RecordFormats.MaxCellLength} characters or the row has too many columns.");
                return true;
            }

            if (_fieldCount != _featureOfColumn.Length)
            {
                record.AddProblem(null, "column-count", $"Expected {_featureOfColumn.Length} values, got {_fieldCount}.");
                return true;
            }

            for (var c = 1; c < _fieldCount; c++)
            {
                if (_featureOfColumn[c] >= 0)
                {
                    record.SetCell(_featureOfColumn[c], Field(c));
                }
            }

            record.SubjectId = Field(0);
            return true;
        }
    }

    private ReadOnlyMemory<char> Field(int column) => _chars.AsMemory(_fieldStart[column], _fieldLength[column]);

    private int IndexOf(string name)
    {
        for (var f = 0; f < features.Count; f++)
        {
            if (features[f].Name == name)
            {
                return f;
            }
        }

        return -1;
    }

    // Reads one record into the field slices (none at the end of the input); true when a field or the row was too long.
    private async ValueTask<bool> ReadRecordAsync(CancellationToken ct)
    {
        _used = 0;
        _fieldCount = 0;
        _currentStart = 0;
        _quoted = false;
        _afterQuote = false;
        _fieldStarted = false;
        _tooLong = false;
        while (true)
        {
            if (_position == _length)
            {
                _position = 0;
                if (_ended || (_length = await text.ReadAsync(_buffer.AsMemory(), ct)) == 0)
                {
                    _ended = true;
                    _length = 0;
                    if (_fieldStarted || _fieldCount > 0)
                    {
                        EndField();
                    }

                    return _tooLong;
                }
            }

            if (Scan())
            {
                return _tooLong;
            }
        }
    }

    // Consumes buffered characters up to the end of the record (true) or of the buffer (false).
    private bool Scan()
    {
        while (_position < _length)
        {
            if (!_quoted)
            {
                // Outside quotes, a run of ordinary characters is found with one vectorised search and copied at once.
                var rest = _buffer.AsSpan(_position, _length - _position);
                var run = rest.IndexOfAny(Specials);
                var ordinary = run < 0 ? rest : rest[..run];
                if (!ordinary.IsEmpty)
                {
                    AppendRun(ordinary);
                    _position += ordinary.Length;
                    _fieldStarted = true;
                    _afterQuote = false;
                    if (run < 0)
                    {
                        return false;
                    }
                }
            }

            var ch = _buffer[_position++];
            _fieldStarted = true;
            if (_quoted)
            {
                if (ch == '"')
                {
                    _quoted = false;
                    _afterQuote = true;
                }
                else
                {
                    Append(ch);
                }

                continue;
            }

            switch (ch)
            {
                case '"' when _afterQuote:
                    Append('"');
                    _quoted = true;
                    _afterQuote = false;
                    break;
                case '"' when _used == _currentStart:
                    _quoted = true;
                    break;
                case ',':
                    EndField();
                    _afterQuote = false;
                    break;
                case '\r':
                    break;
                case '\n':
                    EndField();
                    return true;
                default:
                    Append(ch);
                    _afterQuote = false;
                    break;
            }
        }

        return false;
    }

    private void AppendRun(ReadOnlySpan<char> run)
    {
        var room = RecordFormats.MaxCellLength - (_used - _currentStart);
        if (run.Length > room)
        {
            _tooLong = true;
            run = run[..Math.Max(room, 0)];
        }

        if (_used + run.Length > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(_used + run.Length, 2 * _chars.Length));
        }

        run.CopyTo(_chars.AsSpan(_used));
        _used += run.Length;
    }

    private void Append(char ch) => AppendRun(new ReadOnlySpan<char>(in ch));

    private void EndField()
    {
        if (_fieldCount < MaxColumns)
        {
            _fieldStart[_fieldCount] = _currentStart;
            _fieldLength[_fieldCount] = _used - _currentStart;
            _fieldCount++;
        }
        else
        {
            // A field past the column limit is dropped, so the buffer stays bounded.
            _tooLong = true;
            _used = _currentStart;
        }

        _currentStart = _used;
    }

    private static string Shorten(string value) => value.Length <= 64 ? value : value[..64] + "…";
}
