using System.Text.Json;

namespace Datawijs.Api.Features.Assignments;

public sealed class FeatureChangeView
{
    public string Feature { get; init; } = "";

    /// <summary>The feature's label in the response language (the name when the dataset declared none).</summary>
    public string Label { get; init; } = "";

    public JsonElement From { get; init; }

    public JsonElement To { get; init; }
}
