using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Datawijs.Api.Http;
using FastEndpoints;
using FluentValidation;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Datawijs.Api.OpenApi;

/// <summary>
/// Swashbuckle sees a FastEndpoints endpoint only as a delegate that takes a request DTO, so on
/// its own it shows the DTO as the body of every operation (also of a GET) and drops route,
/// query and header parameters. This filter rebuilds each operation the way FastEndpoints binds
/// it: route placeholders become path parameters, [FromHeader] properties header parameters,
/// [QueryParam] properties and every property of a GET/DELETE query parameters, and what is
/// left is the JSON body. FluentValidation rules are reflected into the schemas, and the
/// endpoint's summary, tags, scopes and Idempotency-Key support are written into the operation.
/// </summary>
public sealed partial class FastEndpointsOperationFilter(JsonSerializerOptions json) : IOperationFilter
{
    public const string SecuritySchemeName = "bearer";

    /// <summary>The citizen's token from the municipality's broker, on the citizen endpoints only.</summary>
    public const string CitizenSecuritySchemeName = "citizen";

    /// <summary>The scopes an operation's client token needs (any one of them).</summary>
    public const string ScopesExtension = "x-scopes";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        var definition = metadata.OfType<EndpointDefinition>().FirstOrDefault();
        if (definition is null)
        {
            return;
        }

        if (metadata.OfType<OperationIdMetadata>().LastOrDefault() is { } operationId)
        {
            operation.OperationId = operationId.Id;
        }

        if (definition.EndpointSummary is { } summary)
        {
            operation.Summary = summary.Summary;
            operation.Description = summary.Description;
        }

        if (definition.EndpointTags is { Count: > 0 } tags)
        {
            operation.Tags = tags.Select(t => new OpenApiTagReference(t, context.Document)).ToHashSet();
        }

        var method = context.ApiDescription.HttpMethod ?? "GET";
        operation.Parameters = [];
        operation.RequestBody = null;
        if (definition.ReqDtoType != typeof(EmptyRequest))
        {
            BindRequest(operation, context, definition, method);
        }

        if (metadata.OfType<RawBodyAttribute>().LastOrDefault() is { } raw)
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = raw.MediaTypes.ToDictionary(
                    m => m,
                    _ => new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } }),
            };
        }

        if (metadata.OfType<IdempotentAttribute>().Any())
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = IdempotencyMiddleware.Header,
                In = ParameterLocation.Header,
                Required = false,
                Description = "A unique key per intended creation (e.g. a UUID). A retry with the same key returns the first result instead of creating twice.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 200 },
            });
        }

        var secured = definition.AnonymousVerbs is not { Length: > 0 };
        var citizenOnly = secured && definition.AuthSchemeNames?.Contains(Auth.Citizens.CitizenAuthentication.SchemeName) == true;

        // A citizen's reads are logged with the endpoint's own reason: the portal cannot word the citizen's log.
        if (!citizenOnly && metadata.OfType<Audit.AuditedAttribute>().LastOrDefault() is { } audited)
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = Audit.AccessLogWriter.ReasonHeader,
                In = ParameterLocation.Header,
                Required = false,
                Description = "Why the subject's data is processed (ZGW audit trail), recorded in the subject's access log. Default: \"" + audited.DefaultReason + "\".",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = Audit.AccessLogWriter.MaxReasonLength },
            });
        }

        if (metadata.OfType<LocalizedAttribute>().Any())
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "Accept-Language",
                In = ParameterLocation.Header,
                Required = false,
                Description = "Text for people is Dutch (B1) by default; send `en` for English.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 200 },
            });
        }

        if (citizenOnly)
        {
            operation.Security =
            [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(CitizenSecuritySchemeName, context.Document)] = [] },
            ];
            var note = "Token: the citizen's own token from the municipality's login broker, forwarded by the portal. A client token is refused.";
            operation.Description = string.IsNullOrEmpty(operation.Description) ? note : operation.Description + "\n\n" + note;
            AddProblemResponse(operation, context, 401, "The citizen token is missing, or its signature, issuer, audience, algorithm or lifetime is wrong.");
            AddProblemResponse(operation, context, 429, "Too many requests; see Retry-After.");
        }
        else if (secured)
        {
            var scopes = definition.AllowedScopes ?? [];
            // OpenAPI 3.0 allows scopes in a requirement only for OAuth2 and OpenID Connect; a bearer JWT's
            // requirement is empty, and the scopes the token needs are in x-scopes (and the description).
            operation.Security =
            [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecuritySchemeName, context.Document)] = [] },
            ];
            if (scopes.Count > 0)
            {
                operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
                operation.Extensions[ScopesExtension] = new JsonNodeExtension(new JsonArray(scopes.Select(s => (JsonNode)JsonValue.Create(s)).ToArray()));
                var note = "Scope: " + string.Join(" or ", scopes.Select(s => "`" + s + "`")) + ".";
                operation.Description = string.IsNullOrEmpty(operation.Description) ? note : operation.Description + "\n\n" + note;
            }

            AddProblemResponse(operation, context, 401, "The token is missing, malformed, expired or not signed with the client's secret.");
            AddProblemResponse(operation, context, 403, "The client lacks the scope this operation needs.");
            AddProblemResponse(operation, context, 429, "Too many requests from this client; see Retry-After.");
        }

        else
        {
            // Public: an explicit empty requirement, so a tool does not read a missing one as "unknown".
            operation.Security = [];
        }

        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (response is OpenApiResponse concrete && status is not ("401" or "403" or "429"))
            {
                concrete.Description = definition.EndpointSummary?.Responses.GetValueOrDefault(int.Parse(status, System.Globalization.CultureInfo.InvariantCulture))
                    ?? DescribeStatus(status);
            }

            if (response is OpenApiResponse withContent
                && definition.EndpointSummary?.ResponseExamples.GetValueOrDefault(int.Parse(status, System.Globalization.CultureInfo.InvariantCulture)) is { } responseExample
                && withContent.Content?.TryGetValue("application/json", out var responseMedia) == true)
            {
                responseMedia.Example = JsonSerializer.SerializeToNode(responseExample, responseExample.GetType(), json);
            }

            // A text representation (CSV next to JSON) is a string, whatever DTO the JSON form has.
            foreach (var (mediaType, content) in response.Content ?? new Dictionary<string, OpenApiMediaType>())
            {
                if (mediaType.StartsWith("text/", StringComparison.Ordinal))
                {
                    content.Schema = new OpenApiSchema { Type = JsonSchemaType.String };
                }
            }

            if (status is "201" or "202" && response is OpenApiResponse created)
            {
                created.Headers ??= new Dictionary<string, IOpenApiHeader>();
                created.Headers["Location"] = new OpenApiHeader
                {
                    Description = status == "201" ? "The URL of the created resource." : "The URL to follow the accepted work.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                };
            }
        }
    }

    private void BindRequest(OpenApiOperation operation, OperationFilterContext context, EndpointDefinition definition, string method)
    {
        var requestType = definition.ReqDtoType;
        var validatorType = definition.ValidatorType
            ?? requestType.GetNestedTypes().FirstOrDefault(t => typeof(IValidator).IsAssignableFrom(t));
        var validator = validatorType is null ? null : Activator.CreateInstance(validatorType) as IValidator;
        var routeNames = RouteParameterNames(definition.Routes?.FirstOrDefault() ?? "");
        var bodyless = method is "GET" or "DELETE" or "HEAD";
        var bodyProperties = new List<string>();

        foreach (var property in requestType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var jsonName = JsonName(property);
            if (property.GetCustomAttribute<HideFromDocsAttribute>() is not null)
            {
                continue;
            }

            var header = property.GetCustomAttribute<FromHeaderAttribute>();
            var route = routeNames.FirstOrDefault(r => string.Equals(r, property.Name, StringComparison.OrdinalIgnoreCase));
            var isQuery = property.GetCustomAttribute<QueryParamAttribute>() is not null || bodyless;
            if (header is null && route is null && !isQuery)
            {
                if (property.GetCustomAttribute<JsonIgnoreAttribute>() is null)
                {
                    bodyProperties.Add(jsonName);
                }

                continue;
            }

            var schema = context.SchemaGenerator.GenerateSchema(property.PropertyType, context.SchemaRepository, memberInfo: property);
            var required = ValidationSchemaRules.Apply(validator, property.Name, schema);
            var parameter = new OpenApiParameter
            {
                Name = header is not null ? header.HeaderName ?? property.Name : route ?? jsonName,
                In = header is not null ? ParameterLocation.Header : route is not null ? ParameterLocation.Path : ParameterLocation.Query,
                Required = route is not null || required || header?.IsRequired == true,
                Schema = schema,
                Description = (schema as OpenApiSchema)?.Description,
            };
            if (schema is OpenApiSchema concrete)
            {
                concrete.Description = null;
            }

            operation.Parameters!.Add(parameter);
        }

        if (bodyless || bodyProperties.Count == 0)
        {
            return;
        }

        var reference = context.SchemaGenerator.GenerateSchema(requestType, context.SchemaRepository);
        if (reference is OpenApiSchemaReference schemaReference
            && context.SchemaRepository.Schemas.TryGetValue(schemaReference.Reference.Id!, out var component)
            && component is OpenApiSchema body)
        {
            foreach (var name in (body.Properties?.Keys ?? []).Where(k => !bodyProperties.Contains(k)).ToList())
            {
                body.Properties!.Remove(name);
                body.Required?.Remove(name);
            }

            foreach (var property in requestType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var jsonName = JsonName(property);
                if (body.Properties is not null && body.Properties.TryGetValue(jsonName, out var propertySchema)
                    && ValidationSchemaRules.Apply(validator, property.Name, propertySchema))
                {
                    body.Required ??= new HashSet<string>();
                    body.Required.Add(jsonName);
                }
            }
        }

        var media = new OpenApiMediaType { Schema = reference };
        if (definition.EndpointSummary?.ExampleRequest is { } example)
        {
            media.Example = JsonSerializer.SerializeToNode(example, example.GetType(), json);
            if (media.Example is JsonObject exampleObject)
            {
                foreach (var key in exampleObject.Where(p => p.Value is null || !bodyProperties.Contains(p.Key)).Select(p => p.Key).ToList())
                {
                    exampleObject.Remove(key);
                }
            }
        }

        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = media },
        };
    }

    private static void AddProblemResponse(OpenApiOperation operation, OperationFilterContext context, int status, string description)
    {
        operation.Responses ??= [];
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        operation.Responses[key] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [Problems.ContentType] = new() { Schema = context.SchemaGenerator.GenerateSchema(typeof(Problem), context.SchemaRepository) },
            },
        };
    }

    private static string DescribeStatus(string status) => status switch
    {
        "200" => "OK",
        "201" => "Created",
        "202" => "Accepted",
        "204" => "No Content",
        "400" => "The request is invalid; invalidParams lists every problem.",
        "413" => "The request body is too large.",
        "503" => "The database is unavailable; retry later.",
        "404" => "Not found (or it belongs to another tenant).",
        "409" => "Conflict with the current state.",
        "410" => "What an earlier attempt with this Idempotency-Key created no longer exists.",
        "422" => "The Idempotency-Key was used for a different request.",
        _ => Problems.TitleFor(int.Parse(status, System.Globalization.CultureInfo.InvariantCulture)),
    };

    private string JsonName(PropertyInfo property) =>
        property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name
        ?? json.PropertyNamingPolicy?.ConvertName(property.Name)
        ?? property.Name;

    private static List<string> RouteParameterNames(string route) =>
        RouteParameter().Matches(route).Select(m => m.Groups["name"].Value).ToList();

    [GeneratedRegex(@"\{(?<name>[A-Za-z0-9_]+)(:[^}]*)?\??\}")]
    private static partial Regex RouteParameter();
}
