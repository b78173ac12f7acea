using System.Text.Json;

namespace Datawijs.Api.Features.Assignments;

public sealed class ContributionView
{
    public string Feature { get; init; } = "";

    /// <summary>The feature's display label in the response language.</summary>
    public string Label { get; init; } = "";

    /// <summary>The feature's term in the distance to the advised profile: against the profile's centre rounded as published medians are, two decimals.</summary>
    public double Term { get; init; }

    /// <summary>The subject's value: a number or a category.</summary>
    public JsonElement SubjectValue { get; init; }

    /// <summary>The advised profile's value as published: its rounded median (number; null when the publication withholds it) or its mode (category). Never the exact centre.</summary>
    public JsonElement ProfileValue { get; init; }

    /// <summary>The same feature's term in the distance to the next profile (two decimals, published centre).</summary>
    public double RunnerUpTerm { get; init; }
}
