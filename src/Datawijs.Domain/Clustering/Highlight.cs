namespace Datawijs.Domain.Clustering;

/// <summary>A value that is relatively more frequent in the profile than in the whole dataset.</summary>
public sealed record Highlight(string Feature, string Value, double Lift, double PValue);
