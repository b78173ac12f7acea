using System.Text.Json;
using System.Text.Json.Serialization;

namespace Datawijs.Client;

/// <summary>Reads a JSON string, number, boolean or null; anything else (an object, an array) is a contract violation.</summary>
public sealed class FeatureValueConverter : JsonConverter<FeatureValue>
{
    public override bool HandleNull => true;

    public override FeatureValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => FeatureValue.FromText(reader.GetString()!),
        JsonTokenType.Number => FeatureValue.FromNumber(reader.GetDouble()),
        JsonTokenType.True => FeatureValue.FromBoolean(true),
        JsonTokenType.False => FeatureValue.FromBoolean(false),
        JsonTokenType.Null => default,
        _ => throw new JsonException($"A feature value is a text, a number or true/false, not {reader.TokenType}."),
    };

    public override void Write(Utf8JsonWriter writer, FeatureValue value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        value.Write(writer);
    }
}
