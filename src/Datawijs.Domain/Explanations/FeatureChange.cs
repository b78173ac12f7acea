namespace Datawijs.Domain.Explanations;

/// <summary>One changed feature in a counterfactual.</summary>
public sealed record FeatureChange(string Feature, FeatureValue From, FeatureValue To);
