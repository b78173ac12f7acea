using Datawijs.Domain.Datasets;

namespace Datawijs.Api.Features.Datasets;

public static class FeatureNames
{
    public static readonly IReadOnlyList<string> Types = ["categorical", "numeric"];
    public static readonly IReadOnlyList<string> Roles = ["clustering", "descriptive", "protected", "duration", "event"];

    public static readonly IReadOnlyList<string> DurationUnits = ["months", "weeks", "days"];

    public static string Of(DurationUnit unit) => unit switch
    {
        DurationUnit.Days => "days",
        DurationUnit.Weeks => "weeks",
        _ => "months",
    };

    public static DurationUnit UnitFrom(string unit) => unit switch
    {
        "days" => DurationUnit.Days,
        "weeks" => DurationUnit.Weeks,
        _ => DurationUnit.Months,
    };

    public static string Of(FeatureType type) => type == FeatureType.Numeric ? "numeric" : "categorical";

    public static string Of(FeatureRole role) => role switch
    {
        FeatureRole.Clustering => "clustering",
        FeatureRole.Descriptive => "descriptive",
        FeatureRole.Duration => "duration",
        FeatureRole.Event => "event",
        _ => "protected",
    };

    public static FeatureType TypeFrom(string type) => type == "numeric" ? FeatureType.Numeric : FeatureType.Categorical;

    public static FeatureRole RoleFrom(string role) => role switch
    {
        "clustering" => FeatureRole.Clustering,
        "descriptive" => FeatureRole.Descriptive,
        "duration" => FeatureRole.Duration,
        "event" => FeatureRole.Event,
        _ => FeatureRole.Protected,
    };
}
