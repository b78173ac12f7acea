using Datawijs.Api.Features.Datasets;

namespace Datawijs.Api.Tests;

public sealed class SubjectRunsTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(SubjectRuns.RunLength)]
    [InlineData((2 * SubjectRuns.RunLength) + 777)]
    public void Every_entry_comes_back_once_with_its_record_in_ascending_order_across_runs(int count)
    {
        var random = new Random(count);
        var added = new List<string>();
        using var runs = SubjectRuns.Create();
        for (var i = 0; i < count; i++)
        {
            // Now and then a subject again (several records), sometimes in another run.
            var pseudonym = i > 0 && random.Next(20) == 0 ? added[random.Next(added.Count)] : Convert.ToHexStringLower(Bytes(random));
            added.Add(pseudonym);
            runs.Add(Convert.FromHexString(pseudonym), i);
        }

        // Hex digits in lower case sort as their bytes do; each record comes back with its own subject.
        var read = runs.ReadSorted().Select(e => (Convert.ToHexStringLower(e.Pseudonym.Span), e.Record)).ToList();

        Assert.Equal(count, runs.Count);
        Assert.Equal(added.Order(StringComparer.Ordinal), read.Select(e => e.Item1));
        Assert.Equal(Enumerable.Range(0, count).Select(i => (long)i), read.Select(e => e.Record).Order());
        Assert.All(read, e => Assert.Equal(added[(int)e.Record], e.Item1));
    }

    [Fact]
    public void Only_a_pseudonym_of_32_bytes_is_taken()
    {
        using var runs = SubjectRuns.Create();

        Assert.Throws<ArgumentException>(() => runs.Add(new byte[64], 0));
        Assert.Throws<ArgumentException>(() => runs.Add(new byte[31], 0));
    }

    private static byte[] Bytes(Random random)
    {
        var bytes = new byte[32];
        random.NextBytes(bytes);
        return bytes;
    }
}
