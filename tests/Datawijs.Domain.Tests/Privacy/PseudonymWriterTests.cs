using System.Text;
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
            Assert.Equal(pseudonymiser.Pseudonymise(id), Encoding.ASCII.GetString(buffer));
        }
    }
}
