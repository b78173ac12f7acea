using System.Text.Json;
using Datawijs.Domain.Datasets;

namespace Datawijs.Api.Features.Datasets.Upload;

/// <summary>
/// Newline-delimited JSON: one object per line with <c>subjectId</c> (a string, or a whole number of at least 0) and the features by name
/// (string, number or null; a member left out is missing). Blank lines are skipped; numbers count lines with records.
/// </summary>
public sealed class NdjsonRecordReader(TextReader text, IReadOnlyList<FeatureDefinition> features) : IRecordReader
{
    private const int MaxLineLength = 256 * 1024;
    private readonly Dictionary<string, int> _index = features.Select((f, i) => (f.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);
    private long _row;

    public Task<IReadOnlyList<RecordProblem>> StartAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<RecordProblem>>([]);

    public async ValueTask<bool> ReadAsync(UploadedRecord record, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        string? line;
        do
        {
            line = await text.ReadLineAsync(ct);
            if (line is null)
            {
                return false;
            }
        }
        while (string.IsNullOrWhiteSpace(line));

        _row++;
        record.Start(_row);
        if (line.Length > MaxLineLength)
        {
            record.AddProblem(null, "too-long", "The line is too long.");
            return true;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
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

    /// <summary>A JSON number that is a whole number of at least 0 written with digits only (no sign, fraction or exponent).</summary>
    private static bool IsWholeNumber(string raw) => raw.Length > 0 && raw.All(char.IsAsciiDigit);
}
