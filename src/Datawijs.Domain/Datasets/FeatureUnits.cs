namespace Datawijs.Domain.Datasets;

/// <summary>What a number of a numeric feature counts, so that text can write it as people do.</summary>
public static class FeatureUnits
{
    /// <summary>An amount of money in euros: "€ 14.500" / "€14,500".</summary>
    public const string Euro = "euro";

    /// <summary>Years, such as an age: "35 jaar" / "35 years".</summary>
    public const string Years = "years";

    /// <summary>Months, such as a duration: "6 maanden" / "6 months".</summary>
    public const string Months = "months";

    public static IReadOnlyList<string> All { get; } = [Euro, Years, Months];
}
