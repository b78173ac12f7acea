using Datawijs.Api.Features.Datasets.Upload;

namespace Datawijs.Api.Tests;

public sealed class RecordBatchTests
{
    [Fact]
    public void Records_come_back_as_they_were_read_with_missing_and_empty_cells_and_their_problems()
    {
        var batch = new RecordBatch(3);
        var reading = new UploadedRecord(3);
        var expected = new List<(long Row, string? Subject, string?[] Cells, string[] Problems)>();
        var random = new Random(3);
        for (var row = 1; row <= RecordBatch.Capacity; row++)
        {
            reading.Start(row);
            var cells = new string?[3];
            for (var f = 0; f < 3; f++)
            {
                // Long values now and then, so the batch's buffer has to grow while it holds earlier records.
                cells[f] = random.Next(5) switch { 0 => null, 1 => "", 2 => new string('x', random.Next(1, 20_000)), _ => $"v{row}.{f}" };
                reading.SetCell(f, cells[f]?.AsMemory());
            }

            var subject = row % 50 == 0 ? null : $"hh-{row}";
            reading.SubjectId = subject?.AsMemory();
            var problems = row % 7 == 0 ? new[] { "column-count" } : row % 11 == 0 ? new[] { "too-long", "column-count" } : [];
            foreach (var code in problems)
            {
                reading.AddProblem(null, code, "why");
            }

            batch.Add(reading);
            expected.Add((row, subject, cells, problems));
        }

        Assert.True(batch.IsFull);
        Assert.Throws<InvalidOperationException>(() => batch.Add(reading));
        var filled = new UploadedRecord(3);
        for (var i = 0; i < batch.Count; i++)
        {
            batch.Fill(i, filled);
            Assert.Equal(expected[i].Row, filled.Row);
            Assert.Equal(expected[i].Subject, filled.SubjectId?.ToString());
            Assert.Equal(expected[i].Cells, Enumerable.Range(0, 3).Select(f => filled.Cell(f)?.ToString()).ToArray());
            Assert.Equal(expected[i].Problems, filled.Problems.Select(p => p.Code).ToArray());
            Assert.All(filled.Problems, p => Assert.Equal(expected[i].Row, p.Row));
        }

        batch.Clear();
        Assert.Equal(0, batch.Count);
        reading.Start(1);
        reading.SubjectId = "hh-again".AsMemory();
        batch.Add(reading);
        batch.Fill(0, filled);
        Assert.Equal("hh-again", filled.SubjectId?.ToString());
        Assert.Empty(filled.Problems);
    }
}
