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

    [Fact]
    public async Task Ndjson_refuses_a_line_without_end_as_soon_as_it_is_too_long_reading_no_further_with_flat_memory()
    {
        // 1 GiB of one line with no newline, made while it is read: a reader that takes the whole line first would need 2 GiB.
        await using var endless = new EndlessLine("{\"subjectId\":\"A\",\"housing\":\"rent\"}\n"u8.ToArray(), 1L << 30);
        using var text = new StreamReader(endless, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 16 * 1024);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();

        var (_, records) = await ReadAsync(new NdjsonRecordReader(text, Features));

        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        Assert.Equal(2, records.Count);
        Assert.Empty(records[0].Problems);
        Assert.Equal((2L, "too-long"), (records[1].Row, records[1].Problems.Single().Code));
        Assert.True(endless.Sent < 2 * NdjsonRecordReader.MaxLineLength, $"read {endless.Sent} bytes of the endless line");
        Assert.True(allocated < 8L << 20, $"allocated {allocated} bytes");
    }

    [Fact]
    public async Task Ndjson_takes_a_line_of_exactly_the_maximum_length_and_crlf_line_ends()
    {
        var padding = new string(' ', NdjsonRecordReader.MaxLineLength - "{\"subjectId\":\"A\"}".Length);
        var ndjson = "{\"subjectId\":\"A\"}" + padding + "\r\n{\"subjectId\":\"B\"}" + padding + " \r\n{\"subjectId\":\"C\"}";

        var (_, records) = await ReadAsync(new NdjsonRecordReader(new StringReader(ndjson), Features));

        Assert.Equal(2, records.Count);
        Assert.Equal("A", records[0].SubjectId);
        Assert.Empty(records[0].Problems);
        Assert.Equal("too-long", records[1].Problems.Single().Code);
    }

    /// <summary>A first line, then <c>x</c> up to the given length without a newline; counts what was read.</summary>
    private sealed class EndlessLine(byte[] first, long length) : Stream
    {
        public long Sent { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => Sent; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = (int)Math.Min(buffer.Length, length - Sent);
            for (var i = 0; i < n; i++)
            {
                var at = Sent + i;
                buffer[i] = at < first.Length ? first[at] : (byte)'x';
            }

            Sent += n;
            return n;
        }

        // Synchronous, so the whole read stays on the test's thread and its allocations are counted.
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private sealed record Read(long Row, string? SubjectId, string?[] Cells, IReadOnlyList<RecordProblem> Problems);
}
