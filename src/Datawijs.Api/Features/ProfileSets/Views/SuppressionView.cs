namespace Datawijs.Api.Features.ProfileSets.Views;

/// <summary>One figure the disclosure gate withholds, and why.</summary>
public sealed class SuppressionView
{
    /// <summary>Null = a whole-dataset figure.</summary>
    public Guid? ProfileId { get; init; }

    /// <summary>count, median or profile.</summary>
    [Datawijs.Api.OpenApi.WireValues("count", "median", "profile")]
    public string Item { get; init; } = "";

    public string Feature { get; init; } = "";

    public string? Value { get; init; }

    /// <summary>belowThreshold, denominatorBelowThreshold, secondary, extremeShare, medianBelowThreshold or profileTooSmall.</summary>
    [Datawijs.Api.OpenApi.WireValues("belowThreshold", "denominatorBelowThreshold", "secondary", "extremeShare", "medianBelowThreshold", "profileTooSmall")]
    public string Reason { get; init; } = "";
}
