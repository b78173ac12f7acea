namespace Datawijs.Api.Configuration;

public sealed class PseudonymisationSettings
{
    public const string Section = "Pseudonymisation";

    /// <summary>Base64, at least 32 bytes.</summary>
    public string? MasterKey { get; set; }
}
