using Datawijs.Api.Features.Datasets.Upload;

namespace Datawijs.Api.Tests;

public sealed class RecordBatchTests
{
    [Fact]
    public void Checked_records_come_back_as_they_were_added_after_the_buffer_grew_and_after_a_clear()
    {
        var batch = new RecordBatch(3);
        var expected = new List<(string Subject, int[] Codes, double[] Numbers)>();
        var random = new Random(3);
        for (var i = 0; i < RecordBatch.Capacity; i++)
        {
            // Long subject ids now and then, so the buffer has to grow while it holds earlier records.
            var subject = random.Next(10) == 0 ? new string((char)('a' + (i % 26)), random.Next(17, 64)) : $"{i:D9}";
            int[] codes = [random.Next(-1, 5), random.Next(-1, 5), random.Next(-1, 5)];
            double[] numbers = [random.NextDouble(), double.NaN, -i];
            batch.Add(subject, codes, numbers);
            expected.Add((subject, codes, numbers));
        }

        Assert.True(batch.IsFull);
        Assert.Throws<InvalidOperationException>(() => batch.Add("x", [0, 0, 0], [0, 0, 0]));
        for (var i = 0; i < batch.Count; i++)
        {
            Assert.Equal(expected[i].Subject, Subject(batch, i));
            Assert.Equal(expected[i].Codes, batch.Codes(i).ToArray());
            Assert.Equal(expected[i].Numbers, batch.Numbers(i).ToArray());
        }

        batch.Clear();
        Assert.Equal(0, batch.Count);
        batch.Add("123456782", [1, 2, 3], [4, 5, 6]);
        Assert.Equal("123456782", Subject(batch, 0));
        Assert.Equal([1, 2, 3], batch.Codes(0).ToArray());
    }

    private static string Subject(RecordBatch batch, int index) =>
        batch.Subjects.Slice(batch.SubjectStarts[index], batch.SubjectLengths[index]).ToString();
}
