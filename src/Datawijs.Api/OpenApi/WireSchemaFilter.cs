using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Datawijs.Api.OpenApi;

/// <summary>
/// Per schema: string properties marked <see cref="WireValuesAttribute"/> become enums, and the properties the
/// serializer may leave out (<c>JsonIgnore(WhenWritingNull)</c>) are marked so <see cref="ContractDocumentFilter"/>
/// does not declare them required.
/// </summary>
public sealed class WireSchemaFilter : ISchemaFilter
{
    public const string OmittableExtension = "x-datawijs-omittable";

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        if (schema is not OpenApiSchema concrete)
        {
            return;
        }

        if (context.MemberInfo?.GetCustomAttribute<WireValuesAttribute>() is { } wire)
        {
            concrete.Type = JsonSchemaType.String | (concrete.Type & JsonSchemaType.Null);
            concrete.Enum = wire.Values.Select(v => (JsonNode)JsonValue.Create(v)).ToList();
        }

        if (context.MemberInfo is null && concrete.Properties is { Count: > 0 })
        {
            var omittable = context.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.GetCustomAttribute<JsonIgnoreAttribute>() is { Condition: JsonIgnoreCondition.WhenWritingNull or JsonIgnoreCondition.WhenWritingDefault })
                .Select(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(p.Name))
                .ToList();
            if (omittable.Count > 0)
            {
                concrete.Extensions ??= new Dictionary<string, IOpenApiExtension>();
                concrete.Extensions[OmittableExtension] = new JsonNodeExtension(new JsonArray(omittable.Select(o => (JsonNode)JsonValue.Create(o)).ToArray()));
            }
        }
    }
}
