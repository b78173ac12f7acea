using System.Text.Json;
using Datawijs.Domain.Datasets;

namespace Datawijs.Api.Features.Datasets.Upload;

/// <summary>
/// Newline-delimited JSON: one object per line with <c>subjectId</c> (a string, or a whole number of at least 0) and the features by name
/// (string, number or null; a member left out is missing). Blank lines are skipped; numbers count lines with records.
/// <para>
/// A line's length is checked while it is read, block by block: a line longer than <see cref="MaxLineLength"/>
/// characters is refused as soon as that many have arrived, and reading stops there (the upload is refused
/// whole anyway), so a body without newlines costs one line buffer, not its own size.
/// </para>
/// </summary>
public sealed class NdjsonRecordReader(TextReader text, IReadOnlyList<FeatureDefinition> features) : IRecordReader
{
    public const int MaxLineLength = 256 * 1024;
    private readonly Dictionary<string, int> _index = features.Select((f, i) => (f.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);
    private readonly char[] _buffer = new char[16 * 1024];
    private char[] _line = new char[1024];
    private int _lineLength;
    private int _position;
    private int _length;
    private bool _ended;
    private long _row;

    public Task<IReadOnlyList<RecordProblem>> StartAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<RecordProblem>>([]);

    public async ValueTask<bool> ReadAsync(UploadedRecord record, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        LineRead read;
        do
        {
            read = await ReadLineAsync(ct);
            if (read == LineRead.End)
            {
                return false;
            }
        }
        while (read == LineRead.Line && _line.AsSpan(0, _lineLength).IsWhiteSpace());

        _row++;
        record.Start(_row);
        if (read == LineRead.TooLong)
        {
            // Nothing after this line is read: the upload is refused, and the rest of the body may be endless.
            _ended = true;
            _position = _length = 0;
            record.AddProblem(null, "too-long", string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"The line is longer than {MaxLineLength} characters; reading stopped here."));
            return true;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(_line.AsMemory(0, _lineLength));
        }
        catch (JsonException)
        {
            record.AddProblem(null, "invalid-json", "The line is not one JSON object.");
            return true;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                record.AddProblem(null, "invalid-json", "The line is not one JSON object.");
                return true;
            }

            foreach (var member in document.RootElement.EnumerateObject())
            {
                if (member.Name == RecordFormats.SubjectColumn)
                {
                    record.SubjectId = member.Value.ValueKind switch
                    {
                        JsonValueKind.String => member.Value.GetString().AsMemory(),
                        JsonValueKind.Number when IsWholeNumber(member.Value.GetRawText()) => member.Value.GetRawText().AsMemory(),
                        _ => null,
                    };
                    if (member.Value.ValueKind == JsonValueKind.Number && !IsWholeNumber(member.Value.GetRawText()))
                    {
                        // 1234567.2 or -12345672 would otherwise read as the digits of a BSN.
                        record.AddProblem(RecordFormats.SubjectColumn, "invalid-subject-id",
                            "A subjectId given as a JSON number must be a whole number of at least 0 written with digits only (e.g. 12345672); send other forms as a string.");
                    }

                    continue;
                }

                if (!_index.TryGetValue(member.Name, out var f))
                {
                    record.AddProblem(member.Name.Length <= 64 ? member.Name : member.Name[..64] + "…", "unknown-column", "Not a declared feature of this dataset.");
                    continue;
                }

                switch (member.Value.ValueKind)
                {
                    case JsonValueKind.String:
                        record.SetCell(f, member.Value.GetString().AsMemory());
                        break;
                    case JsonValueKind.Number:
                        record.SetCell(f, member.Value.GetRawText().AsMemory());
                        break;
                    case JsonValueKind.Null:
                        record.SetCell(f, null);
                        break;
                    default:
                        record.AddProblem(member.Name, "invalid-value", "A value is a string, a number or null.");
                        break;
                }
            }

            return true;
        }
    }

    private enum LineRead
    {
        End,
        Line,
        TooLong,
    }

    // One line into _line (without its \n or \r\n), read block by block so that its length is known before it is kept.
    private async ValueTask<LineRead> ReadLineAsync(CancellationToken ct)
    {
        _lineLength = 0;
        var any = false;
        while (true)
        {
            if (_position == _length)
            {
                _position = 0;
                _length = _ended ? 0 : await text.ReadAsync(_buffer.AsMemory(), ct);
                if (_length == 0)
                {
                    _ended = true;
                    return !any ? LineRead.End : _lineLength > MaxLineLength ? LineRead.TooLong : LineRead.Line;
                }
            }

            any = true;
            var available = _buffer.AsSpan(_position, _length - _position);
            var newline = available.IndexOf('\n');
            var part = newline < 0 ? available : available[..newline];
            if (_lineLength + part.Length > MaxLineLength + 1)
            {
                return LineRead.TooLong;
            }

            if (_line.Length < _lineLength + part.Length)
            {
                Array.Resize(ref _line, Math.Min(MaxLineLength + 1, Math.Max(_lineLength + part.Length, _line.Length * 2)));
            }

            part.CopyTo(_line.AsSpan(_lineLength));
            _lineLength += part.Length;
            _position += newline < 0 ? part.Length : newline + 1;
            if (newline >= 0)
            {
                if (_lineLength > 0 && _line[_lineLength - 1] == '\r')
                {
                    _lineLength--;
                }

                return _lineLength > MaxLineLength ? LineRead.TooLong : LineRead.Line;
            }
        }
    }

    /// <summary>A JSON number that is a whole number of at least 0 written with digits only (no sign, fraction or exponent).</summary>
    private static bool IsWholeNumber(string raw) => raw.Length > 0 && raw.All(char.IsAsciiDigit);
}
