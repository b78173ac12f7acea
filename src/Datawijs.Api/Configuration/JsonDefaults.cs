using System.Text.Json;
using System.Text.Json.Serialization;

namespace Datawijs.Api.Configuration;

public static class JsonDefaults
{
    /// <summary>
    /// camelCase, numbers only as numbers, and unknown members refused: a misspelt field in a
    /// PATCH is an error the caller sees, not a change that silently did not happen.
    /// </summary>
    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = null;
        options.PropertyNameCaseInsensitive = true;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.MaxDepth = 32;
        options.Converters.Add(new UtcInstantConverter());
    }

    /// <summary>The options the endpoints serialize responses with, for a response rendered ahead (read-only).</summary>
    public static readonly JsonSerializerOptions Responses = CreateReadOnly();

    public static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(options);
        return options;
    }

    private static JsonSerializerOptions CreateReadOnly()
    {
        var options = Create();
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

/// <summary>Instants are written as RFC 3339 in UTC ("2026-11-23T12:00:00.123Z").</summary>
public sealed class UtcInstantConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset().ToUniversalTime();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", System.Globalization.CultureInfo.InvariantCulture));
    }
}
