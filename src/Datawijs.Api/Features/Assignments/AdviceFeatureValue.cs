using Datawijs.Api.Features.Datasets;

namespace Datawijs.Api.Features.Assignments;

/// <summary>One accepted value of a categorical feature.</summary>
public sealed class AdviceFeatureValue
{
    /// <summary>The value to send, exactly (case-sensitive).</summary>
    public string Value { get; init; } = "";

    /// <summary>What people read for it (nl and en): the declared value label, else the value.</summary>
    public FeatureLabelText Label { get; init; } = new();
}
