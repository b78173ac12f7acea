using System.Text.Json;
using Datawijs.Api.Features.ProfileSets;
using Datawijs.Data.Assignments;
using Datawijs.Domain.Explanations;

namespace Datawijs.Api.Features.Assignments;

/// <summary>
/// How an assignment's advice is kept: only the subject's features that took part in the distance are stored
/// (data minimisation), and the advice is recomputed from them on every read, so the same published set and
/// features always give the same explanation.
/// </summary>
public static class StoredAdvice
{
    /// <summary>The features the distance uses, as stored JSON {name: number | string}.</summary>
    public static string Store(ProfileSpace space, IReadOnlyDictionary<string, FeatureValue> features)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(features);
        var kept = new SortedDictionary<string, object>(StringComparer.Ordinal);
        foreach (var feature in space.Features)
        {
            if (feature.InDistance && features.TryGetValue(feature.Name, out var value))
            {
                kept[feature.Name] = value.IsNumeric ? value.Number.GetValueOrDefault() : value.Category!;
            }
        }

        return JsonSerializer.Serialize(kept);
    }

    public static Dictionary<string, FeatureValue> Load(string stored)
    {
        using var document = JsonDocument.Parse(stored);
        var values = new Dictionary<string, FeatureValue>(StringComparer.Ordinal);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            values[property.Name] = property.Value.ValueKind == JsonValueKind.Number
                ? FeatureValue.FromNumber(property.Value.GetDouble())
                : FeatureValue.FromCategory(property.Value.GetString() ?? "");
        }

        return values;
    }

    /// <summary>Recomputes the advice of a stored assignment: same space and features give the same explanation.</summary>
    public static Explanation? Recompute(PublishedProfileSetModel? model, AssignmentRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return model is null ? null : Explainer.Explain(model.Space, Load(row.Features)).Explanation;
    }
}
