using System.Text;
using System.Text.Json;
using Datawijs.Domain.Datasets;

namespace Datawijs.Api.Features.Datasets.Upload;

/// <summary>A problem in an upload: the record's number (1 = first record; 0 = the CSV header), the column if known, and why.</summary>
public sealed record RecordProblem(long Row, string? Column, string Code, string Reason);

/// <summary>One record as read: its subject id and cells in declared feature order, or the problems that make it unusable.</summary>
public sealed record UploadedRecord(long Row, string? SubjectId, string?[] Cells, IReadOnlyList<RecordProblem> Problems);

/// <summary>Reads records one at a time from a request body (never the whole body in memory).</summary>
public interface IRecordReader
{
    /// <summary>Problems of the upload as a whole (e.g. a bad CSV header); when any, no record is read.</summary>
    Task<IReadOnlyList<RecordProblem>> StartAsync(CancellationToken ct);

    /// <summary>The next record, or null at the end.</summary>
    Task<UploadedRecord?> NextAsync(CancellationToken ct);
}

public static class RecordFormats
{
    public const string Csv = "text/csv";
    public const string Ndjson = "application/x-ndjson";
    public const string SubjectColumn = "subjectId";
    public const int MaxSubjectIdLength = 100;
    public const int MaxCellLength = 1000;

    public static IRecordReader? For(string? contentType, Stream body, IReadOnlyList<FeatureDefinition> features)
    {
        var mediaType = contentType?.Split(';')[0].Trim().ToLowerInvariant();
        var text = new StreamReader(body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen: true);
        return mediaType switch
        {
            Csv => new CsvRecordReader(text, features),
            Ndjson or "application/jsonl" or "application/ndjson" => new NdjsonRecordReader(text, features),
            _ => null,
        };
    }
}

/// <summary>
/// RFC 4180 CSV: comma-separated, fields optionally in double quotes ("" is a quote inside), records
/// end with LF or CRLF. The header names <c>subjectId</c> first, then every declared feature once, in any order.
/// </summary>
public sealed class CsvRecordReader(TextReader text, IReadOnlyList<FeatureDefinition> features) : IRecordReader
{
    private const int MaxColumns = 202;
    private readonly char[] _buffer = new char[64 * 1024];
    private readonly StringBuilder _field = new();
    private readonly List<string> _fields = [];
    private int _position;
    private int _length;
    private bool _ended;
    private long _row;
    private int[] _featureOfColumn = [];

    public async Task<IReadOnlyList<RecordProblem>> StartAsync(CancellationToken ct)
    {
        var problems = new List<RecordProblem>();
        var tooLong = await ReadRecordAsync(ct);
        if (_fields.Count == 0 || tooLong)
        {
            problems.Add(new RecordProblem(0, null, "missing-header", "The first line must be the header: subjectId, then the feature names."));
            return problems;
        }

        var header = _fields.Select(f => f.Trim()).ToList();
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

    public async Task<UploadedRecord?> NextAsync(CancellationToken ct)
    {
        while (true)
        {
            var tooLong = await ReadRecordAsync(ct);
            if (_fields.Count == 0)
            {
                return null;
            }

            if (_fields.Count == 1 && _fields[0].Length == 0 && !tooLong)
            {
                continue; // blank line
            }

            _row++;
            var cells = new string?[features.Count];
            if (tooLong)
            {
                return new UploadedRecord(_row, null, cells, [new RecordProblem(_row, null, "too-long", $"A value is longer than {RecordFormats.MaxCellLength} characters or the row has too many columns.")]);
            }

            if (_fields.Count != _featureOfColumn.Length)
            {
                return new UploadedRecord(_row, null, cells, [new RecordProblem(_row, null, "column-count", $"Expected {_featureOfColumn.Length} values, got {_fields.Count}.")]);
            }

            for (var c = 1; c < _fields.Count; c++)
            {
                cells[_featureOfColumn[c]] = _fields[c];
            }

            return new UploadedRecord(_row, _fields[0], cells, []);
        }
    }

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

    // Reads one record into _fields (empty at the end of the input); true when a field or the row was too long.
    private async Task<bool> ReadRecordAsync(CancellationToken ct)
    {
        _fields.Clear();
        _field.Clear();
        var tooLong = false;
        var quoted = false;
        var fieldStarted = false;
        var afterQuote = false;
        while (true)
        {
            if (_position == _length)
            {
                _position = 0;
                if (_ended || (_length = await text.ReadAsync(_buffer.AsMemory(), ct)) == 0)
                {
                    _ended = true;
                    _length = 0;
                    if (fieldStarted || _fields.Count > 0)
                    {
                        EndField(ref tooLong);
                    }

                    return tooLong;
                }
            }

            var ch = _buffer[_position++];
            fieldStarted = true;
            if (quoted)
            {
                if (ch == '"')
                {
                    quoted = false;
                    afterQuote = true;
                }
                else
                {
                    Append(ch, ref tooLong);
                }

                continue;
            }

            switch (ch)
            {
                case '"' when afterQuote:
                    Append('"', ref tooLong);
                    quoted = true;
                    afterQuote = false;
                    break;
                case '"' when _field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    EndField(ref tooLong);
                    afterQuote = false;
                    break;
                case '\r':
                    break;
                case '\n':
                    EndField(ref tooLong);
                    return tooLong;
                default:
                    Append(ch, ref tooLong);
                    afterQuote = false;
                    break;
            }
        }
    }

    private void Append(char ch, ref bool tooLong)
    {
        if (_field.Length < RecordFormats.MaxCellLength)
        {
            _field.Append(ch);
        }
        else
        {
            tooLong = true;
        }
    }

    private void EndField(ref bool tooLong)
    {
        if (_fields.Count < MaxColumns)
        {
            _fields.Add(_field.ToString());
        }
        else
        {
            tooLong = true;
        }

        _field.Clear();
    }

    private static string Shorten(string value) => value.Length <= 64 ? value : value[..64] + "…";
}

/// <summary>
/// Newline-delimited JSON: one object per line with <c>subjectId</c> (a string) and the features by name
/// (string, number or null; a member left out is missing). Blank lines are skipped; numbers count lines with records.
/// </summary>
public sealed class NdjsonRecordReader(TextReader text, IReadOnlyList<FeatureDefinition> features) : IRecordReader
{
    private const int MaxLineLength = 256 * 1024;
    private readonly Dictionary<string, int> _index = features.Select((f, i) => (f.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);
    private long _row;

    public Task<IReadOnlyList<RecordProblem>> StartAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<RecordProblem>>([]);

    public async Task<UploadedRecord?> NextAsync(CancellationToken ct)
    {
        string? line;
        do
        {
            line = await text.ReadLineAsync(ct);
            if (line is null)
            {
                return null;
            }
        }
        while (string.IsNullOrWhiteSpace(line));

        _row++;
        var cells = new string?[features.Count];
        if (line.Length > MaxLineLength)
        {
            return Fail(cells, null, "too-long", "The line is too long.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException)
        {
            return Fail(cells, null, "invalid-json", "The line is not one JSON object.");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Fail(cells, null, "invalid-json", "The line is not one JSON object.");
            }

            string? subjectId = null;
            var problems = new List<RecordProblem>();
            foreach (var member in document.RootElement.EnumerateObject())
            {
                if (member.Name == RecordFormats.SubjectColumn)
                {
                    subjectId = member.Value.ValueKind switch
                    {
                        JsonValueKind.String => member.Value.GetString(),
                        JsonValueKind.Number => member.Value.GetRawText(),
                        _ => null,
                    };
                    continue;
                }

                if (!_index.TryGetValue(member.Name, out var f))
                {
                    problems.Add(new RecordProblem(_row, member.Name.Length <= 64 ? member.Name : member.Name[..64] + "…", "unknown-column", "Not a declared feature of this dataset."));
                    continue;
                }

                switch (member.Value.ValueKind)
                {
                    case JsonValueKind.String:
                        cells[f] = member.Value.GetString();
                        break;
                    case JsonValueKind.Number:
                        cells[f] = member.Value.GetRawText();
                        break;
                    case JsonValueKind.Null:
                        cells[f] = null;
                        break;
                    default:
                        problems.Add(new RecordProblem(_row, member.Name, "invalid-value", "A value is a string, a number or null."));
                        break;
                }
            }

            return new UploadedRecord(_row, subjectId, cells, problems);
        }
    }

    private UploadedRecord Fail(string?[] cells, string? column, string code, string reason) =>
        new(_row, null, cells, [new RecordProblem(_row, column, code, reason)]);
}
