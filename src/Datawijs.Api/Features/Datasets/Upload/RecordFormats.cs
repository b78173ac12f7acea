using System.Text;
using Datawijs.Domain.Datasets;

namespace Datawijs.Api.Features.Datasets.Upload;

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
        var text = new StreamReader(body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 16 * 1024, leaveOpen: true);
        return mediaType switch
        {
            Csv => new CsvRecordReader(text, features),
            Ndjson or "application/jsonl" or "application/ndjson" => new NdjsonRecordReader(text, features),
            _ => null,
        };
    }
}
