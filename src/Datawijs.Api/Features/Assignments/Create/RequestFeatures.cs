using System.Text.Json;
using Datawijs.Domain.Explanations;

namespace Datawijs.Api.Features.Assignments.Create;

/// <summary>The request's features as the explanation engine takes them: a JSON number or a JSON string per feature.</summary>
internal static class RequestFeatures
{
    /// <summary>The features that are a number or a string; the names of the others go to <paramref name="wrongType"/>.</summary>
    public static Dictionary<string, FeatureValue> Read(IReadOnlyDictionary<string, JsonElement> features, ICollection<string> wrongType)
    {
        var values = new Dictionary<string, FeatureValue>(features.Count, StringComparer.Ordinal);
        foreach (var (name, element) in features)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Number when element.TryGetDouble(out var number):
                    values[name] = FeatureValue.FromNumber(number);
                    break;
                case JsonValueKind.String:
                    values[name] = FeatureValue.FromCategory(element.GetString()!);
                    break;
                default:
                    wrongType.Add(name);
                    break;
            }
        }

        return values;
    }
}
