using System.Security.Cryptography;
using System.Text;

namespace Datawijs.Domain.Privacy;

/// <summary>Turns a subject identifier (e.g. a BSN) into a stable, keyed, irreversible pseudonym.</summary>
public sealed class Pseudonymiser(byte[] key)
{
    public string Pseudonymise(string subjectId)
    {
        ArgumentNullException.ThrowIfNull(subjectId);
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(subjectId.Trim()));
        return Convert.ToHexStringLower(mac);
    }

    /// <summary>A writer for many identifiers in a row (an upload): the same pseudonyms, one HMAC key set-up.</summary>
    public PseudonymWriter CreateWriter() => new(key);
}
