namespace Datawijs.Api.Features.ProfileSets.Views;

/// <summary>The reference population profiles are compared with: all households of the municipality.</summary>
public sealed class ResidentsView
{
    public string Source { get; init; } = "";

    public int Year { get; init; }

    /// <summary>All households of the municipality (a public figure of the source).</summary>
    public int Households { get; init; }
}
