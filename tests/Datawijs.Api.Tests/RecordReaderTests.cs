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

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Csv_reads_random_bodies_exactly_as_a_character_by_character_reading_of_the_rules(int seed)
    {
        // Bodies far larger than the reader's buffer, with quotes, escaped quotes, separators and line ends
        // inside quotes, stray quotes, CR, blank lines, cells past the length limit and wrong column counts.
        var random = new Random(seed);
        var body = new System.Text.StringBuilder("subjectId,housing,income\n");
        string[] pieces = ["a", "rent", "é", " ", ",", "\"", "\"\"", "\r", "x\"y", "12.5", "\n"];
        for (var row = 0; row < 3_000; row++)
        {
            var fields = random.Next(20) == 0 ? random.Next(1, 5) : 3;
            for (var f = 0; f < fields; f++)
            {
                if (f > 0)
                {
                    body.Append(',');
                }

                var quoted = random.Next(3) == 0;
                var length = random.Next(15) == 0 ? random.Next(990, 1_100) : random.Next(0, 6);
                body.Append(quoted ? "\"" : "");
                if (random.Next(25) == 0)
                {
                    body.Append('a', random.Next(995, 1_006)); // right at the length limit, in one run of ordinary characters
                }

                for (var i = 0; i < length; i++)
                {
                    var piece = pieces[random.Next(pieces.Length)];
                    body.Append(quoted ? piece.Replace("\"", "\"\"", StringComparison.Ordinal) : piece is "," or "\n" or "\r" ? "b" : piece);
                }

                body.Append(quoted ? "\"" : "");
            }

            body.Append(random.Next(4) == 0 ? "\r\n" : random.Next(30) == 0 ? "\n\n" : "\n");
        }

        var (header, records) = await ReadAsync(new CsvRecordReader(new StringReader(body.ToString()), Features));

        Assert.Empty(header);
        var expected = ReferenceRecords(body.ToString()).Skip(1).Where(r => !(r.Fields.Count == 1 && r.Fields[0].Length == 0 && !r.TooLong)).ToList();
        Assert.Equal(expected.Count, records.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var (fields, tooLong) = expected[i];
            var code = tooLong ? "too-long" : fields.Count != 3 ? "column-count" : null;
            Assert.Equal(code, records[i].Problems.Select(p => p.Code).SingleOrDefault());
            if (code is null)
            {
                Assert.Equal(fields[0], records[i].SubjectId);
                Assert.Equal(fields[1], records[i].Cells[0]);
                Assert.Equal(fields[2], records[i].Cells[1]);
            }
        }
    }

    // The reading rules one character at a time: a quote opens quoting only at the start of a field, two
    // quotes inside quoting are one, CR outside quotes is dropped, and a field keeps its first
    // MaxCellLength characters (the record is then too long).
    private static List<(List<string> Fields, bool TooLong)> ReferenceRecords(string csv)
    {
        var records = new List<(List<string> Fields, bool TooLong)>();
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        bool quoted = false, afterQuote = false, started = false, tooLong = false;
        void Add(char ch)
        {
            if (field.Length >= RecordFormats.MaxCellLength)
            {
                tooLong = true;
            }
            else
            {
                field.Append(ch);
            }
        }

        void End()
        {
            fields.Add(field.ToString());
            field.Clear();
        }

        foreach (var ch in csv)
        {
            started = true;
            if (quoted)
            {
                if (ch == '"')
                {
                    quoted = false;
                    afterQuote = true;
                }
                else
                {
                    Add(ch);
                }

                continue;
            }

            if (ch == '"' && afterQuote)
            {
                Add('"');
                quoted = true;
                afterQuote = false;
            }
            else if (ch == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                End();
                afterQuote = false;
            }
            else if (ch == '\n')
            {
                End();
                records.Add((fields, tooLong));
                fields = [];
                tooLong = false;
                started = false;
                afterQuote = false;
            }
            else if (ch != '\r')
            {
                Add(ch);
                afterQuote = false;
            }
        }

        if (started)
        {
            End();
            records.Add((fields, tooLong));
        }

        return records;
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
