using Datawijs.Api.Features.Datasets;
using Datawijs.Api.OpenApi;
using Datawijs.Domain;
using Datawijs.Domain.Datasets;
using Datawijs.Api.Features.ProfileSets;

namespace Datawijs.Api.Features.Assignments;

/// <summary>
/// What an advice request (<c>POST /assignments</c>) sends for the published profile set: every feature that enters the
/// advice, with its type, allowed values or range, and labels. Protected features, features that only describe the
/// profiles and the outflow outcome are never listed: they are never sent.
/// </summary>
public sealed class AdviceFeatureCatalogue
{
    /// <summary>The published profile set the advice is given with.</summary>
    public Guid ProfileSetId { get; init; }

    public DateTimeOffset PublishedAt { get; init; }

    /// <summary>Every feature an advice request sends, all of them required, in declared order.</summary>
    public IReadOnlyList<AdviceFeature> Features { get; init; } = [];

    public static AdviceFeatureCatalogue From(PublishedProfileSetModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new AdviceFeatureCatalogue
        {
            ProfileSetId = model.ProfileSetId,
            PublishedAt = model.PublishedAt,
            Features = model.Space.Features.Where(f => f.InDistance).Select(AdviceFeature.From).ToList(),
        };
    }
}

/// <summary>One feature of an advice request: send <c>features.{name}</c> as a number (numeric) or one of the values (categorical).</summary>
public sealed class AdviceFeature
{
    /// <summary>The member name in <c>features</c> of <c>POST /assignments</c>.</summary>
    public string Name { get; init; } = "";

    /// <summary>What people read instead of the name (nl and en): the declared label, else the name.</summary>
    public FeatureLabelText Label { get; init; } = new();

    /// <summary>categorical: send one of <c>values</c> as text; numeric: send a number within min and max.</summary>
    [WireValues("categorical", "numeric")]
    public string Type { get; init; } = "";

    /// <summary>Numeric: true when only whole numbers are accepted (0.5 is refused with <c>not-a-whole-number</c>).</summary>
    public bool WholeNumber { get; init; }

    /// <summary>Numeric: the smallest accepted number; null when there is no lower bound (and for a categorical feature).</summary>
    public double? Min { get; init; }

    /// <summary>Numeric: the largest accepted number; null when there is no upper bound (and for a categorical feature).</summary>
    public double? Max { get; init; }

    /// <summary>Numeric: what the number counts (euro, years or months); null when not declared.</summary>
    [WireValues("euro", "years", "months")]
    public string? Unit { get; init; }

    /// <summary>Categorical: the accepted values with what people read for them; empty for a numeric feature.</summary>
    public IReadOnlyList<AdviceFeatureValue> Values { get; init; } = [];

    /// <summary>Whether the value can change (e.g. income yes, age no): only such features are suggested in counterfactuals.</summary>
    public bool Mutable { get; init; }

    public static AdviceFeature From(FeatureDefinition feature)
    {
        ArgumentNullException.ThrowIfNull(feature);
        var numeric = feature.Type == FeatureType.Numeric;
        return new AdviceFeature
        {
            Name = feature.Name,
            Label = new FeatureLabelText { Nl = feature.LabelIn(Language.Dutch), En = feature.LabelIn(Language.English) },
            Type = FeatureNames.Of(feature.Type),
            WholeNumber = numeric && feature.WholeNumber,
            Min = numeric ? feature.Min : null,
            Max = numeric ? feature.Max : null,
            Unit = numeric ? feature.Unit : null,
            Values = numeric ? [] : (feature.Values ?? []).Select(v => new AdviceFeatureValue
            {
                Value = v,
                Label = new FeatureLabelText { Nl = feature.ValueLabelIn(v, Language.Dutch), En = feature.ValueLabelIn(v, Language.English) },
            }).ToList(),
            Mutable = feature.Mutable,
        };
    }
}

/// <summary>One accepted value of a categorical feature.</summary>
public sealed class AdviceFeatureValue
{
    /// <summary>The value to send, exactly (case-sensitive).</summary>
    public string Value { get; init; } = "";

    /// <summary>What people read for it (nl and en): the declared value label, else the value.</summary>
    public FeatureLabelText Label { get; init; } = new();
}
