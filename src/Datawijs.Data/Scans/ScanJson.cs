using System.Text.Json;
using System.Text.Json.Serialization;
using Datawijs.Domain.Maturity;

namespace Datawijs.Data.Scans;

/// <summary>
/// The stored JSON forms of answers, targets and scores. Numbers are written round-trip exact,
/// so a stored score reads back bit for bit.
/// </summary>
public static class ScanJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static string WriteScore(ScanScore score) => JsonSerializer.Serialize(score, Options);

    public static ScanScore ReadScore(string json) =>
        JsonSerializer.Deserialize<ScanScore>(json, Options) ?? throw new JsonException("A stored score is empty.");

    public static string WriteAnswers(IReadOnlyDictionary<string, int?> answers) => JsonSerializer.Serialize(answers, Options);

    public static IReadOnlyDictionary<string, int?> ReadAnswers(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, int?>>(json, Options) ?? [];

    public static string WriteTargets(IReadOnlyDictionary<string, int> targets) => JsonSerializer.Serialize(targets, Options);

    public static IReadOnlyDictionary<string, int> ReadTargets(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, int>>(json, Options) ?? [];
}
