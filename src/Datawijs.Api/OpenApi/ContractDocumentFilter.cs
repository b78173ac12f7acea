using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Datawijs.Api.OpenApi;

/// <summary>
/// Makes the generated document valid OpenAPI 3.0 and complete for other people's tools: servers, nullable
/// references with a type, <c>security: []</c> on public operations, every property of a response that is always
/// written declared required (a client can then make it non-null unless it is nullable), and an example for every
/// request and response media type that has none of its own (problems get one per status).
/// </summary>
public sealed class ContractDocumentFilter : IDocumentFilter
{
    private static readonly string ExampleId = "0193a5b2-7c1d-7e3f-8a4b-5c6d7e8f9a0b";

    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(swaggerDoc);
        swaggerDoc.Servers =
        [
            new OpenApiServer { Url = "/", Description = "This installation (paths start with /api/v1; the health checks with /health)." },
        ];

        var schemas = swaggerDoc.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>();
        foreach (var schema in schemas.Values.OfType<OpenApiSchema>())
        {
            TypeNullableReferences(schema);
        }

        var requestSide = new HashSet<string>(StringComparer.Ordinal);
        foreach (var operation in swaggerDoc.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []))
        {
            foreach (var media in operation.RequestBody?.Content?.Values.AsEnumerable() ?? [])
            {
                Reach(media.Schema, schemas, requestSide);
            }

            foreach (var parameter in operation.Parameters ?? [])
            {
                Reach(parameter.Schema, schemas, requestSide);
            }
        }

        foreach (var (id, schema) in schemas)
        {
            if (schema is not OpenApiSchema concrete)
            {
                continue;
            }

            var omittable = concrete.Extensions?.TryGetValue(WireSchemaFilter.OmittableExtension, out var marker) == true && marker is JsonNodeExtension node
                ? node.Node.AsArray().Select(n => n!.GetValue<string>()).ToHashSet(StringComparer.Ordinal)
                : [];
            concrete.Extensions?.Remove(WireSchemaFilter.OmittableExtension);
            if (requestSide.Contains(id) || concrete.Properties is null)
            {
                continue;
            }

            // Responses are written with every member (nulls included), so each property is always present.
            concrete.Required ??= new HashSet<string>(StringComparer.Ordinal);
            foreach (var name in concrete.Properties.Keys.Where(k => !omittable.Contains(k)))
            {
                concrete.Required.Add(name);
            }
        }

        foreach (var (_, item) in swaggerDoc.Paths)
        {
            foreach (var (_, operation) in item.Operations ?? [])
            {
                foreach (var (_, media) in operation.RequestBody?.Content ?? new Dictionary<string, OpenApiMediaType>())
                {
                    media.Example = media.Example is null ? ExampleFor(media.Schema, schemas, 0) : Complete(media.Example, media.Schema, schemas, 0);
                }

                foreach (var (status, response) in operation.Responses ?? [])
                {
                    // Every error is problem+json, also one an endpoint declared without a body type.
                    if (status[0] is '4' or '5' && response is OpenApiResponse bare && bare.Content is not { Count: > 0 })
                    {
                        bare.Content = new Dictionary<string, OpenApiMediaType>
                        {
                            [Http.Problems.ContentType] = new() { Schema = new OpenApiSchemaReference(nameof(Http.Problem), swaggerDoc) },
                        };
                    }

                    foreach (var (mediaType, media) in (response as OpenApiResponse)?.Content ?? new Dictionary<string, OpenApiMediaType>())
                    {
                        if (media is not OpenApiMediaType concreteMedia)
                        {
                            continue;
                        }

                        if (media.Example is not null)
                        {
                            concreteMedia.Example = Complete(media.Example, media.Schema, schemas, 0);
                            continue;
                        }

                        concreteMedia.Example = mediaType switch
                        {
                            Http.Problems.ContentType => ProblemExample(int.Parse(status, CultureInfo.InvariantCulture)),
                            "text/csv" => JsonValue.Create("scanId,organisationId,completedAt,overall\n" + ExampleId + "," + ExampleId + ",2026-11-23T12:00:00Z,2.75\n"),
                            "image/svg+xml" => JsonValue.Create("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 400 400\"><title>Radar</title></svg>"),
                            _ => ExampleFor(media.Schema, schemas, 0),
                        };
                    }
                }
            }
        }
    }

    /// <summary>OpenAPI 3.0 reads <c>nullable</c> only next to a <c>type</c>: a nullable reference gets <c>type: object</c>.</summary>
    private static void TypeNullableReferences(OpenApiSchema schema)
    {
        foreach (var property in (schema.Properties?.Values.AsEnumerable() ?? []).OfType<OpenApiSchema>())
        {
            if (property.AllOf is { Count: > 0 } && (property.Type is null || property.Type == JsonSchemaType.Null))
            {
                property.Type = JsonSchemaType.Object | (property.Type ?? 0);
            }

            TypeNullableReferences(property);
        }

        if (schema.Items is OpenApiSchema items)
        {
            TypeNullableReferences(items);
        }

        if (schema.AdditionalProperties is OpenApiSchema additional)
        {
            TypeNullableReferences(additional);
        }
    }

    private static void Reach(IOpenApiSchema? schema, IDictionary<string, IOpenApiSchema> schemas, HashSet<string> seen)
    {
        switch (schema)
        {
            case null:
                return;
            case OpenApiSchemaReference reference:
                if (reference.Reference.Id is { } id && seen.Add(id) && schemas.TryGetValue(id, out var target))
                {
                    Reach(target, schemas, seen);
                }

                return;
        }

        foreach (var child in (schema.Properties?.Values.AsEnumerable() ?? [])
            .Concat(schema.AllOf ?? []).Concat(schema.OneOf ?? []).Concat(schema.AnyOf ?? [])
            .Append(schema.Items).Append(schema.AdditionalProperties))
        {
            Reach(child, schemas, seen);
        }
    }

    private static JsonObject ProblemExample(int status)
    {
        var code = status switch
        {
            400 => "invalid-params",
            401 => "unauthorized",
            403 => "forbidden",
            404 => "not-found",
            406 => "not-acceptable",
            409 => "conflict",
            410 => "gone",
            413 => "body-too-large",
            415 => "unsupported-media-type",
            422 => "idempotency-key-reused",
            429 => "rate-limited",
            503 => "database-unavailable",
            _ => "internal-error",
        };
        var problem = new JsonObject
        {
            ["type"] = "urn:datawijs:problem:" + code,
            ["title"] = Http.Problems.TitleFor(code, status),
            ["status"] = status,
            ["detail"] = status == 400 ? "One or more inputs are invalid; see invalidParams." : Http.Problems.TitleFor(status) + ".",
            ["instance"] = "/api/v1/organisations",
            ["code"] = code,
        };
        if (status == 400)
        {
            problem["invalidParams"] = new JsonArray(new JsonObject { ["name"] = "name", ["code"] = "required", ["reason"] = "'name' must not be empty." });
        }

        return problem;
    }

    /// <summary>
    /// An endpoint's own example with each null under a nullable reference filled in: in OpenAPI 3.0 a null
    /// cannot satisfy <c>allOf: [$ref]</c>, so validators refuse such an example although the API may send it.
    /// </summary>
    private static JsonNode? Complete(JsonNode? example, IOpenApiSchema? schema, IDictionary<string, IOpenApiSchema> schemas, int depth)
    {
        if (schema is null || depth > 40)
        {
            return example;
        }

        if (schema is OpenApiSchemaReference reference)
        {
            return reference.Reference.Id is { } id && schemas.TryGetValue(id, out var target) ? Complete(example, target, schemas, depth + 1) : example;
        }

        if (example is null)
        {
            return schema.AllOf is { Count: > 0 } ? ExampleFor(schema, schemas, depth) : null;
        }

        if (schema.AllOf is { Count: > 0 } allOf)
        {
            return Complete(example, allOf[0], schemas, depth + 1);
        }

        switch (example)
        {
            case JsonObject obj when schema.Properties is not null:
                foreach (var (name, property) in schema.Properties)
                {
                    if (obj.ContainsKey(name))
                    {
                        obj[name] = Complete(obj[name]?.DeepClone(), property, schemas, depth + 1);
                    }
                }

                return obj;
            case JsonArray array when schema.Items is { } items:
                for (var i = 0; i < array.Count; i++)
                {
                    array[i] = Complete(array[i]?.DeepClone(), items, schemas, depth + 1);
                }

                return array;
            default:
                return example;
        }
    }

    /// <summary>A value that satisfies the schema, for media types whose operation gives no example of its own.</summary>
    private static JsonNode? ExampleFor(IOpenApiSchema? schema, IDictionary<string, IOpenApiSchema> schemas, int depth)
    {
        if (schema is null || depth > 40)
        {
            return null;
        }

        if (schema is OpenApiSchemaReference reference)
        {
            return reference.Reference.Id is { } id && schemas.TryGetValue(id, out var target) ? ExampleFor(target, schemas, depth + 1) : null;
        }

        if (schema.Example is { } own)
        {
            return own.DeepClone();
        }

        if (schema.Enum is { Count: > 0 } values)
        {
            return values.First(v => v is not null)!.DeepClone();
        }

        if (schema.AllOf is { Count: > 0 } allOf)
        {
            return ExampleFor(allOf[0], schemas, depth + 1);
        }

        var type = (schema.Type ?? JsonSchemaType.Object) & ~JsonSchemaType.Null;
        if (type.HasFlag(JsonSchemaType.Object) || (type == 0 && schema.Properties is not null))
        {
            var example = new JsonObject();
            foreach (var (name, property) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
            {
                example[name] = ExampleFor(property, schemas, depth + 1);
            }

            if (schema.Properties is not { Count: > 0 } && schema.AdditionalProperties is { } additional)
            {
                example["key"] = ExampleFor(additional, schemas, depth + 1);
            }

            return example;
        }

        if (type.HasFlag(JsonSchemaType.Array))
        {
            var item = ExampleFor(schema.Items, schemas, depth + 1);
            return item is null ? new JsonArray() : new JsonArray(item);
        }

        if (type.HasFlag(JsonSchemaType.Boolean))
        {
            return JsonValue.Create(true);
        }

        if (type.HasFlag(JsonSchemaType.Integer) || type.HasFlag(JsonSchemaType.Number))
        {
            var minimum = decimal.TryParse(schema.Minimum, NumberStyles.Float, CultureInfo.InvariantCulture, out var min) ? min : (decimal?)null;
            var maximum = decimal.TryParse(schema.Maximum, NumberStyles.Float, CultureInfo.InvariantCulture, out var max) ? max : (decimal?)null;
            var value = minimum ?? (maximum is { } m && m < 1 ? m : 1);
            if (type.HasFlag(JsonSchemaType.Integer))
            {
                return JsonValue.Create((long)Math.Ceiling(value));
            }

            return JsonValue.Create(value);
        }

        return JsonValue.Create(schema.Format switch
        {
            "uuid" => ExampleId,
            "date-time" => "2026-11-23T12:00:00Z",
            "date" => "2026-11-23",
            "uri" => "https://example.org/datawijs",
            "email" => "datawijs@example.org",
            "byte" => "ZGF0YXdpanM=",
            _ => StringExample(schema),
        });
    }

    private static string StringExample(IOpenApiSchema schema)
    {
        var text = "text";
        if (schema.MinLength is { } minLength && text.Length < minLength)
        {
            text = new string('x', minLength);
        }

        if (schema.MaxLength is { } maxLength && text.Length > maxLength)
        {
            text = text[..maxLength];
        }

        return text;
    }
}
