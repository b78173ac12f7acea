namespace Datawijs.Api.Features.ProfileSets.Views;

/// <summary>How the profiles were made.</summary>
public sealed class MethodView
{
    public string DatasetName { get; init; } = "";

    public string Purpose { get; init; } = "";

    /// <summary>Households in the dataset, rounded to 5; null below 10 (such a set cannot be published).</summary>
    public int? Households { get; init; }

    /// <summary>Features that determine the profiles (in the distance).</summary>
    public IReadOnlyList<FeatureUse> ClusteringFeatures { get; init; } = [];

    /// <summary>Features that only describe the profiles.</summary>
    public IReadOnlyList<FeatureUse> DescriptiveFeatures { get; init; } = [];

    /// <summary>Protected features: never used to form profiles, only reported to check for reinforced inequality.</summary>
    public IReadOnlyList<FeatureUse> ProtectedFeatures { get; init; } = [];

    public string Algorithm { get; init; } = "";

    public int K { get; init; }

    /// <summary>given, or silhouette (chosen from a range).</summary>
    [Datawijs.Api.OpenApi.WireValues("given", "silhouette")]
    public string KChosenBy { get; init; } = "";

    public long Seed { get; init; }

    public int Restarts { get; init; }

    public double Gamma { get; init; }

    public DateTimeOffset ClusteredAt { get; init; }

    public DisclosureRulesView DisclosureRules { get; init; } = new();
}
