using System.Collections.Frozen;
using System.Reflection;
using System.Runtime.Serialization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Datawijs.Client;

/// <summary>
/// Reads and writes a generated enum by the wire names of its <see cref="EnumMemberAttribute"/>s. A value the
/// enum does not know (the API added it after the client was generated) reads as <c>Unknown</c> (0) instead of
/// failing the whole response; <c>Unknown</c> is written as null, so the API says what is missing.
/// </summary>
public sealed class DatawijsEnumConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    private static readonly FrozenDictionary<string, TEnum> ByName = typeof(TEnum).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.GetCustomAttribute<EnumMemberAttribute>()?.Value is not null)
        .ToFrozenDictionary(f => f.GetCustomAttribute<EnumMemberAttribute>()!.Value!, f => (TEnum)f.GetValue(null)!, StringComparer.Ordinal);

    private static readonly FrozenDictionary<TEnum, string> ByValue = ByName.ToFrozenDictionary(p => p.Value, p => p.Key);

    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && ByName.TryGetValue(reader.GetString()!, out var value) ? value : default;

    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (ByValue.TryGetValue(value, out var name))
        {
            writer.WriteStringValue(name);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

}
