using System.Text.Json.Nodes;

namespace Datawijs.Api.Tests.Hardening;

/// <summary>The checked-in contract, read as plain JSON, so the hardening suites cover every operation it lists.</summary>
public static class Contract
{
    public sealed record Operation(string Method, string PathTemplate, JsonObject Definition)
    {
        public string Id => Definition["operationId"]?.GetValue<string>() ?? $"{Method} {PathTemplate}";

        public IReadOnlyList<string> Scopes => Definition["x-scopes"]?.AsArray().Select(s => s!.GetValue<string>()).ToList() ?? [];

        public bool Secured => Definition["security"] is JsonArray { Count: > 0 };

        /// <summary>Secured with the citizen's token from the municipality's broker instead of a client token.</summary>
        public bool IsCitizen => Definition["security"] is JsonArray requirements
            && requirements.Any(r => r is JsonObject o && o.ContainsKey("citizen"));

        public IEnumerable<JsonObject> Parameters(string location) =>
            (Definition["parameters"]?.AsArray() ?? []).OfType<JsonObject>().Where(p => p["in"]?.GetValue<string>() == location);

        public JsonNode? JsonBodySchema => Definition["requestBody"]?["content"]?["application/json"]?["schema"];

        public override string ToString() => $"{Method} {PathTemplate}";
    }

    public static JsonObject Document { get; } = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "openapi.json")))!.AsObject();

    public static IReadOnlyList<Operation> Operations { get; } = Document["paths"]!.AsObject()
        .SelectMany(path => path.Value!.AsObject().Select(op => new Operation(op.Key.ToUpperInvariant(), path.Key, op.Value!.AsObject())))
        .OrderBy(o => o.PathTemplate, StringComparer.Ordinal).ThenBy(o => o.Method, StringComparer.Ordinal)
        .ToList();

    public static JsonNode Resolve(JsonNode schema)
    {
        while (schema["$ref"]?.GetValue<string>() is { } reference)
        {
            schema = Document["components"]!["schemas"]![reference.Split('/')[^1]]!;
        }

        return schema["allOf"] is JsonArray { Count: 1 } allOf ? Resolve(allOf[0]!) : schema;
    }

    /// <summary>A plausible value for a schema: the starting point that the fuzzer then breaks.</summary>
    public static JsonNode? Sample(JsonNode schema, Random random, int depth = 0)
    {
        schema = Resolve(schema);
        if (schema["enum"] is JsonArray values && values.Count > 0)
        {
            return values[random.Next(values.Count)]!.DeepClone();
        }

        var type = schema["type"]?.GetValue<string>();
        var format = schema["format"]?.GetValue<string>();
        return type switch
        {
            "string" when format == "uuid" => Guid.NewGuid().ToString(),
            "string" when format == "date-time" => DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            "string" when format == "date" => "2026-12-31",
            "string" => "Voorbeeld " + random.Next(1000),
            "integer" => schema["minimum"] is { } min ? (int)min.GetValue<double>() : 1,
            "number" => 1.5,
            "boolean" => true,
            "array" when depth < 4 => new JsonArray(Sample(schema["items"]!, random, depth + 1)),
            "array" => new JsonArray(),
            "object" when schema["properties"] is JsonObject properties && depth < 4 =>
                new JsonObject(properties.Select(p => KeyValuePair.Create(p.Key, Sample(p.Value!, random, depth + 1)))),
            "object" when schema["additionalProperties"] is JsonObject additional && depth < 4 =>
                new JsonObject { ["key"] = Sample(additional, random, depth + 1) },
            _ => new JsonObject(),
        };
    }
}
