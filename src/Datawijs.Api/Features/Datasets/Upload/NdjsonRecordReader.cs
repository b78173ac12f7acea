using System.Text.Json;
using Datawijs.Domain.Datasets;

namespace Datawijs.Api.Features.Datasets.Upload;

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
                        JsonValueKind.Number => member.Value.GetRawText().AsMemory(),
                        _ => null,
                    };
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
}
