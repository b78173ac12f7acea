using Datawijs.Api.Features.Datasets.Upload;
using Datawijs.Domain.Datasets;

namespace Datawijs.Api.Tests;

public sealed class RecordReaderTests
{
    private static readonly IReadOnlyList<FeatureDefinition> Features =
    [
        new("housing", FeatureType.Categorical, FeatureRole.Clustering, Mutable: true, Values: ["rent", "own, with mortgage", "say \"what\""]),
        new("income", FeatureType.Numeric, FeatureRole.Clustering, Mutable: true),
    ];

    private static async Task<(IReadOnlyList<RecordProblem> Header, List<Read> Records)> ReadAsync(IRecordReader reader)
    {
        var header = await reader.StartAsync(CancellationToken.None);
        var records = new List<Read>();
        var record = new UploadedRecord(Features.Count);
        while (await reader.ReadAsync(record, CancellationToken.None))
        {
            // The reader reuses its buffers: copy what it handed out before the next read.
            records.Add(new Read(
                record.Row,
                record.SubjectId?.ToString(),
                Enumerable.Range(0, record.FeatureCount).Select(f => record.Cell(f)?.ToString()).ToArray(),
                [.. record.Problems]));
        }

        return (header, records);
    }

    [Fact]
    public async Task Csv_handles_quotes_escaped_quotes_crlf_blank_lines_a_bom_and_any_column_order()
    {
        // Regression: a last record without a line end once made the next read run over a stale buffer (a 500).
        const string csv = "\uFEFFsubjectId,income,housing\r\nA,15000,rent\r\n\r\n\"B,1\",\"16000\",\"own, with mortgage\"\nC,,\"say \"\"what\"\"\"";

        var (header, records) = await ReadAsync(new CsvRecordReader(new StringReader(csv), Features));

        Assert.Empty(header);
        Assert.Equal(3, records.Count);
        Assert.Equal(["A", "B,1", "C"], records.Select(r => r.SubjectId));
        Assert.Equal([1L, 2L, 3L], records.Select(r => r.Row));
        Assert.Equal("own, with mortgage", records[1].Cells[0]);
        Assert.Equal("16000", records[1].Cells[1]);
        Assert.Equal("say \"what\"", records[2].Cells[0]);
        Assert.Equal("", records[2].Cells[1]);
        Assert.All(records, r => Assert.Empty(r.Problems));
    }

    [Fact]
    public async Task Csv_header_problems_and_wrong_column_counts_are_reported()
    {
        var (header, _) = await ReadAsync(new CsvRecordReader(new StringReader("id,housing,housing,bsn\n"), Features));
        var (_, records) = await ReadAsync(new CsvRecordReader(new StringReader("subjectId,housing,income\nA,rent\n"), Features));

        Assert.Equal(["subject-column", "duplicate-column", "unknown-column", "missing-column"], header.Select(p => p.Code));
        Assert.Equal("column-count", records.Single().Problems.Single().Code);
    }

    [Fact]
    public async Task Ndjson_reads_strings_numbers_and_nulls_and_reports_bad_lines_by_number()
    {
        const string ndjson = "{\"subjectId\":\"A\",\"housing\":\"rent\",\"income\":15000.5}\n\n{\"subjectId\":\"B\",\"income\":null}\nnot json\n{\"subjectId\":\"C\",\"bsn\":\"123\",\"income\":true}\n";

        var (_, records) = await ReadAsync(new NdjsonRecordReader(new StringReader(ndjson), Features));

        Assert.Equal(4, records.Count);
        Assert.Equal("15000.5", records[0].Cells[1]);
        Assert.Null(records[1].Cells[0]);
        Assert.Equal("invalid-json", records[2].Problems.Single().Code);
        Assert.Equal(3, records[2].Row);
        Assert.Equal(["unknown-column", "invalid-value"], records[3].Problems.Select(p => p.Code));
    }

    private sealed record Read(long Row, string? SubjectId, string?[] Cells, IReadOnlyList<RecordProblem> Problems);
}
