using System.Text.Json;
using Datawijs.Data.Datasets;
using Datawijs.Domain;
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

/// <summary>A declared feature of a dataset.</summary>
public sealed class DatasetFeature
{
    /// <summary>The column name in uploads (CSV header / NDJSON member).</summary>
    public string Name { get; init; } = "";

    /// <summary>categorical or numeric.</summary>
    [Datawijs.Api.OpenApi.WireValues("categorical", "numeric")]
    public string Type { get; init; } = "";

    /// <summary>The allowed values of a categorical feature.</summary>
    public IReadOnlyList<string>? Values { get; init; }

    /// <summary>The smallest allowed value of a numeric feature.</summary>
    public double? Min { get; init; }

    /// <summary>The largest allowed value of a numeric feature.</summary>
    public double? Max { get; init; }

    /// <summary>Numeric: true when only whole numbers are accepted (a count, such as a number of children).</summary>
    public bool WholeNumber { get; init; }

    /// <summary>clustering (in the distance), descriptive (describes profiles only), protected (only checked for reinforced inequality), or the outflow outcome: duration (numeric) and event (categorical), used only for the time to outflow.</summary>
    [Datawijs.Api.OpenApi.WireValues("clustering", "descriptive", "protected", "duration", "event")]
    public string Role { get; init; } = "";

    /// <summary>Role event: the declared value that means "left"; any other value means still in (censored).</summary>
    public string? EventValue { get; init; }

    /// <summary>Whether the feature can change (only mutable features are suggested in counterfactuals).</summary>
    public bool Mutable { get; init; }

    /// <summary>What people read instead of the name (nl and en); null when none was declared, and texts then show the name.</summary>
    public FeatureLabelText? Label { get; init; }

    /// <summary>Categorical: what people read instead of a declared value, by value; null when none was declared (a value without a label is shown as it is).</summary>
    public IReadOnlyDictionary<string, FeatureLabelText>? ValueLabels { get; init; }

    /// <summary>Numeric: euro, years or months (how numbers are written for people); null when none was declared.</summary>
    [Datawijs.Api.OpenApi.WireValues("euro", "years", "months")]
    public string? Unit { get; init; }

    /// <summary>Categorical: the sentences a citizen reads about their own value, by value; null when none were declared (defaults are used).</summary>
    public IReadOnlyDictionary<string, ValuePhraseText>? Phrases { get; init; }

    public FeatureDefinition ToDomain() =>
        new(
            Name, FeatureNames.TypeFrom(Type), FeatureNames.RoleFrom(Role), Mutable, Type == "categorical" ? Values : null, Min, Max,
            Label?.ToDomain(),
            Type == "categorical" && ValueLabels is { Count: > 0 } labels
                ? labels.ToDictionary(kv => kv.Key, kv => kv.Value.ToDomain(), StringComparer.Ordinal)
                : null,
            Role == "event" ? EventValue : null,
            Unit: Type == "numeric" ? Unit : null,
            Phrases: Type == "categorical" && Phrases is { Count: > 0 } phrases
                ? phrases.ToDictionary(kv => kv.Key, kv => new ValuePhrase(kv.Value.Statement.ToDomain(), kv.Value.Condition.ToDomain()), StringComparer.Ordinal)
                : null,
            WholeNumber: Type == "numeric" && WholeNumber);

    public static DatasetFeature From(FeatureDefinition feature)
    {
        ArgumentNullException.ThrowIfNull(feature);
        return new DatasetFeature
        {
            Name = feature.Name,
            Type = FeatureNames.Of(feature.Type),
            Values = feature.Values,
            Min = feature.Min,
            Max = feature.Max,
            WholeNumber = feature.WholeNumber,
            Role = FeatureNames.Of(feature.Role),
            Mutable = feature.Mutable,
            Label = FeatureLabelText.From(feature.Label),
            ValueLabels = feature.ValueLabels?.ToDictionary(kv => kv.Key, kv => FeatureLabelText.From(kv.Value)!, StringComparer.Ordinal),
            EventValue = feature.EventValue,
            Unit = feature.Unit,
            Phrases = feature.Phrases?.ToDictionary(
                kv => kv.Key,
                kv => new ValuePhraseText { Statement = FeatureLabelText.From(kv.Value.Statement)!, Condition = FeatureLabelText.From(kv.Value.Condition)! },
                StringComparer.Ordinal),
        };
    }
}

/// <summary>How one value reads about the citizen: <c>statement</c>, a whole sentence; <c>condition</c>, the clause after "Als" / "If".</summary>
public sealed class ValuePhraseText
{
    public FeatureLabelText Statement { get; init; } = new();

    public FeatureLabelText Condition { get; init; } = new();
}

/// <summary>A label of a feature or of one of its values, in Dutch (B1) and English.</summary>
public sealed class FeatureLabelText
{
    public string Nl { get; init; } = "";

    public string En { get; init; } = "";

    public LocalizedText ToDomain() => new(Nl, En);

    public static FeatureLabelText? From(LocalizedText? text) => text is null ? null : new FeatureLabelText { Nl = text.Nl, En = text.En };
}

/// <summary>A count as it may be shown: rounded to 5 with its share; both null when suppressed by the disclosure rules.</summary>
public sealed class QualityCountView
{
    public int? Households { get; init; }

    public int? SharePercent { get; init; }

    public bool Suppressed { get; init; }

    public static QualityCountView From(QualityCount count) =>
        new() { Households = count.Households, SharePercent = count.SharePercent, Suppressed = count.Suppressed };
}

public sealed class QualityValueView
{
    public string Value { get; init; } = "";

    public QualityCountView Count { get; init; } = new();
}

/// <summary>Data quality of one feature: missing values and the distribution (never minimum or maximum).</summary>
public sealed class FeatureQualityView
{
    public string Feature { get; init; } = "";

    [Datawijs.Api.OpenApi.WireValues("categorical", "numeric")]
    public string Type { get; init; } = "";

    [Datawijs.Api.OpenApi.WireValues("clustering", "descriptive", "protected")]
    public string Role { get; init; } = "";

    public QualityCountView Missing { get; init; } = new();

    /// <summary>Categorical: how often each declared value occurs.</summary>
    public IReadOnlyList<QualityValueView> Values { get; init; } = [];

    /// <summary>Numeric: rounded first quartile (null when fewer than 10 values).</summary>
    public double? LowerQuartile { get; init; }

    public double? Median { get; init; }

    public double? UpperQuartile { get; init; }
}

/// <summary>The data-quality report of a dataset, under the disclosure rules (counts below 10 suppressed, counts rounded to 5).</summary>
public sealed class DataQuality
{
    /// <summary>Households, rounded to 5 (null below 10).</summary>
    public int? Households { get; init; }

    public IReadOnlyList<FeatureQualityView> Features { get; init; } = [];

    public static DataQuality From(DataQualityReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new DataQuality
        {
            Households = report.Households,
            Features = report.Features.Select(f => new FeatureQualityView
            {
                Feature = f.Feature,
                Type = FeatureNames.Of(f.Type),
                Role = FeatureNames.Of(f.Role),
                Missing = QualityCountView.From(f.Missing),
                Values = f.Values.Select(v => new QualityValueView { Value = v.Value, Count = QualityCountView.From(v.Count) }).ToList(),
                LowerQuartile = f.LowerQuartile,
                Median = f.Median,
                UpperQuartile = f.UpperQuartile,
            }).ToList(),
        };
    }
}

/// <summary>A dataset of pseudonymised household records.</summary>
public sealed class Dataset
{
    public Guid Id { get; init; }

    public string Name { get; init; } = "";

    public string Purpose { get; init; } = "";

    public IReadOnlyList<DatasetFeature> Features { get; init; } = [];

    /// <summary>The unit of the outflow outcome's duration (months, weeks or days); null when the dataset declares no outflow outcome.</summary>
    [Datawijs.Api.OpenApi.WireValues("months", "weeks", "days")]
    public string? DurationUnit { get; init; }

    /// <summary>bsn (digits, nine with leading zeros, eleven-test) or other (trimmed, lower-cased): how uploaded subject ids are put in one form.</summary>
    [Datawijs.Api.OpenApi.WireValues("bsn", "other")]
    public string SubjectIdKind { get; init; } = "bsn";

    /// <summary>The last day the records may be kept; afterwards the dataset is deleted with everything made from it.</summary>
    public DateOnly RetentionUntil { get; init; }

    /// <summary>The number of records stored (exact: for the data owner).</summary>
    public long RecordCount { get; init; }

    /// <summary>Null until records are uploaded.</summary>
    public DataQuality? Quality { get; init; }

    /// <summary>All households of the municipality, as given with PUT …/reference-population; null until then.</summary>
    public ReferencePopulationView? ReferencePopulation { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public static Dataset From(DatasetRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var features = StoredJson.Features(row.Features);
        return new Dataset
        {
            Id = row.Id,
            Name = row.Name,
            Purpose = row.Purpose,
            Features = features.Select(DatasetFeature.From).ToList(),
            DurationUnit = features.FirstOrDefault(f => f.Role == FeatureRole.Duration)?.DurationUnit is { } unit ? FeatureNames.Of(unit) : null,
            SubjectIdKind = row.SubjectIdKind,
            RetentionUntil = DateOnly.FromDateTime(row.RetentionUntil.UtcDateTime),
            RecordCount = row.RecordCount,
            Quality = row.Quality is null ? null : JsonSerializer.Deserialize<DataQuality>(row.Quality, StoredJson.Options),
            ReferencePopulation = row.ReferencePopulation is null ? null : ReferencePopulationView.From(StoredJson.Read<ReferencePopulation>(row.ReferencePopulation), row.RecordCount),
            CreatedAt = row.CreatedAt,
            UpdatedAt = row.UpdatedAt,
        };
    }
}

/// <summary>The reference population of a dataset: aggregate counts for all households of the municipality.</summary>
public sealed class ReferencePopulationView
{
    public string Source { get; init; } = "";

    public int Year { get; init; }

    /// <summary>All households of the municipality.</summary>
    public int Households { get; init; }

    /// <summary>The dataset's records as a share of all households, in percent with one decimal (191 of 11,346 is 1.7).</summary>
    public double ClientSharePercent { get; init; }

    /// <summary>Per categorical feature: households per declared value.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Categorical { get; init; } = new Dictionary<string, IReadOnlyDictionary<string, int>>();

    /// <summary>Per numeric feature: households per band (min inclusive, max exclusive; the last band includes its max).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<ReferenceBandView>> Numeric { get; init; } = new Dictionary<string, IReadOnlyList<ReferenceBandView>>();

    public static ReferencePopulationView From(ReferencePopulation reference, long records)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return new ReferencePopulationView
        {
            Source = reference.Source,
            Year = reference.Year,
            Households = reference.Households,
            ClientSharePercent = ReferencePopulations.ClientSharePercent(records, reference),
            Categorical = reference.Categorical,
            Numeric = reference.Numeric.ToDictionary(
                kv => kv.Key, kv => (IReadOnlyList<ReferenceBandView>)kv.Value.Select(b => new ReferenceBandView { Min = b.Min, Max = b.Max, Households = b.Households }).ToList()),
        };
    }
}

public sealed class ReferenceBandView
{
    public double Min { get; init; }

    public double Max { get; init; }

    public int Households { get; init; }
}

public sealed class DatasetList
{
    public IReadOnlyList<Dataset> Items { get; init; } = [];

    /// <summary>Pass as <c>cursor</c> to get the next page; null on the last page.</summary>
    public string? Next { get; init; }
}
