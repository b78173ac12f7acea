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
