using Datawijs.Domain.Privacy;

namespace Datawijs.Domain.Tests.Privacy;

public sealed class PseudonymWriterTests
{
    [Fact]
    public void Writer_gives_the_same_pseudonym_as_the_pseudonymiser_for_every_identifier_in_a_row()
    {
        var keys = new KeyRing(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());
        var pseudonymiser = keys.PseudonymiserFor(Guid.Parse("0190a000-0000-7000-8000-000000000001"));
        using var writer = pseudonymiser.CreateWriter();
        var buffer = new byte[PseudonymWriter.Length];

        foreach (var id in new[] { "client-1", "  client-1 ", "999999990", "é-ü-ß", new string('x', 500), "client-2" })
        {
            writer.Write(id, buffer);
            Assert.Equal(pseudonymiser.Pseudonymise(id), Convert.ToHexStringLower(buffer));
        }
    }

    [Fact]
    public void Many_at_once_give_the_same_pseudonyms_as_one_at_a_time_whatever_their_length()
    {
        var keys = new KeyRing(Enumerable.Range(0, 32).Select(i => (byte)(7 * i)).ToArray());
        var pseudonymiser = keys.PseudonymiserFor(Guid.Parse("0190a000-0000-7000-8000-000000000002"));
        using var writer = pseudonymiser.CreateWriter();

        // Ids that fit one block and ids that do not (more than 55 UTF-8 bytes, some only once encoded), mixed.
        var ids = Enumerable.Range(0, 45).Select(i => (i % 6) switch
        {
            0 => $"{100000000 + (i * 7919)}",
            1 => $"  client-{i} ",
            2 => new string('x', 55),
            3 => new string('é', 28), // 56 bytes
            4 => new string('y', 56 + i),
            _ => "",
        }).ToList();
        var text = string.Concat(ids);
        var starts = new int[ids.Count];
        for (var i = 1; i < ids.Count; i++)
        {
            starts[i] = starts[i - 1] + ids[i - 1].Length;
        }

        var many = new byte[PseudonymWriter.Length * ids.Count];
        writer.WriteMany(text, starts, ids.Select(id => id.Length).ToArray(), many);

        for (var i = 0; i < ids.Count; i++)
        {
            Assert.Equal(pseudonymiser.Pseudonymise(ids[i]), Convert.ToHexStringLower(many.AsSpan(PseudonymWriter.Length * i, PseudonymWriter.Length)));
        }
    }
}
