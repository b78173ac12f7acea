using System.Text.Json;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Datawijs.Api.OpenApi;

public static class OpenApiSetup
{
    /// <summary>Swashbuckle's document name; it makes the served path /api/v1/openapi.json.</summary>
    public const string DocumentName = "openapi";
    public const string RouteTemplate = "api/v1/{documentName}.json";
    public const string DocumentPath = "/api/v1/openapi.json";

    /// <summary>The interactive API reference (Scalar) of the contract, served with its assets from the package.</summary>
    public const string ReferencePath = "/api/v1/docs";

    public static IServiceCollection AddDatawijsOpenApi(this IServiceCollection services, JsonSerializerOptions json)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc(DocumentName, new OpenApiInfo
            {
                Title = "Datawijs API",
                Version = Http.ConventionsMiddleware.ApiVersion,
                Description = """
                    Datawijs: data maturity scans, anonymised cluster profiles of households and transparency
                    for citizens, for the Dutch social domain. Authenticate with a ZGW-style JWT: HS256 signed
                    with your client secret, claims `client_id` (or `iss`) and `iat`, optional `user_id` and
                    `user_representation`. Errors are application/problem+json (RFC 9457).
                    """,
                Contact = new OpenApiContact
                {
                    Name = "Datawijs maintainers",
                    Email = "datawijs@example.org",
                    Url = new Uri("https://example.org/datawijs"),
                },
                License = new OpenApiLicense { Name = "EUPL-1.2", Url = new Uri("https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12") },
            });
            options.AddSecurityDefinition(FastEndpointsOperationFilter.SecuritySchemeName, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "ZGW-style JWT signed HS256 with the client secret: claims client_id/iss, iat; optional user_id, user_representation.",
            });
            options.AddSecurityDefinition(FastEndpointsOperationFilter.CitizenSecuritySchemeName, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "The citizen's token from the municipality's OpenID Connect broker (DigiD or eHerkenning behind it), "
                    + "forwarded by the portal: signed RS256, PS256 or ES256 with the broker's key; iss, aud, exp and the subject claim (default bsn).",
            });
            options.OperationFilter<FastEndpointsOperationFilter>(json);
            options.SchemaFilter<WireSchemaFilter>();
            options.DocumentFilter<TidyDocumentFilter>();
            options.DocumentFilter<ContractDocumentFilter>();
            options.CustomSchemaIds(SchemaIds.For);
            options.SupportNonNullableReferenceTypes();
            options.NonNullableReferenceTypesAsRequired();
            options.UseAllOfToExtendReferenceSchemas();
            var xml = Path.Combine(AppContext.BaseDirectory, "Datawijs.Api.xml");
            if (File.Exists(xml))
            {
                options.IncludeXmlComments(xml);
            }
        });
        return services;
    }
}

/// <summary>Readable, unique schema names: the slice's request types are named after their action.</summary>
public static class SchemaIds
{
    public static string For(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (type.IsGenericType)
        {
            return type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)] + string.Concat(type.GetGenericArguments().Select(For));
        }

        if (Attribute.GetCustomAttribute(type, typeof(SchemaNameAttribute)) is SchemaNameAttribute fixedName)
        {
            return fixedName.Name;
        }

        // Datawijs.Api.Features.<Area>.<Action>.Request -> <Action><Area>Request, e.g. CreateOrganisationsRequest.
        var ns = type.Namespace ?? "";
        if (type.Name is "Request" or "Response" && Named.TryGetValue(ns, out var named))
        {
            return named + type.Name;
        }

        if (type.Name is "Request" or "Response" && ns.Contains(".Features.", StringComparison.Ordinal))
        {
            var parts = ns.Split('.');
            var action = parts[^1];
            var area = parts[^2];
            return action + Singular(area) + type.Name;
        }

        return type.DeclaringType is { } outer ? For(outer) + type.Name : type.Name;
    }

    // Where <Action><Area> reads wrong (UpdateProfileProfileSet), the name the operation id uses.
    private static readonly Dictionary<string, string> Named = new(StringComparer.Ordinal)
    {
        ["Datawijs.Api.Features.ProfileSets.UpdateProfile"] = "UpdateProfile",
        ["Datawijs.Api.Features.ProfileSets.ReviewFairness"] = "ReviewProfileSetFairness",
        ["Datawijs.Api.Features.Objections.Create"] = "ObjectionCitizen",
        ["Datawijs.Api.Features.Scans.SaveResponse"] = "AnswerScan",
    };

    private static string Singular(string area) => area.EndsWith('s') ? area[..^1] : area;
}

/// <summary>Drops schemas no operation uses (the DTOs of GET operations) and orders the document.</summary>
public sealed class TidyDocumentFilter : IDocumentFilter
{
    private static readonly Dictionary<string, string> TagDescriptions = new()
    {
        ["Benchmarks"] = "Anonymised peer benchmarks of maturity scans across the installation; small groups are withheld.",
        ["Clusterings"] = "k-prototypes clustering jobs on a dataset: queued, run by a background worker, with progress and quality per k.",
        ["Datasets"] = "Pseudonymised household records with declared features, purpose and retention date; CSV or NDJSON uploads.",
        ["Health"] = "Liveness and readiness for orchestrators and load balancers (no authentication).",
        ["Maturity models"] = "The versioned maturity questionnaires (full and quick), in Dutch and English.",
        ["Organisations"] = "Organisations that run maturity scans, with the attributes that form their peer groups.",
        ["Scans"] = "Maturity scans: respondents' answers, completion, stored scores, advice, radar chart, history and bulk pull.",
        ["Profile sets"] = "Profile sets made from a clustering: drafts seen only through the disclosure gate, naming, publication and retirement.",
        ["Public profiles"] = "The published profiles of a tenant and how they were made (no authentication).",
        ["Assignments"] = "Which profile fits a client, as advice for a person who decides: explanation, counterfactuals, the case worker's decision.",
        ["Objections"] = "Citizens' objections (\u201cthis is not me\u201d, \u201cI don't want this\u201d) for case workers to review.",
        ["Citizen portal"] = "For a municipal portal after the citizen logged in: their explanation, their access log, objections. The identifier travels in the body.",
        ["Public"] = "Unauthenticated and CORS-open: the algorithm's description in the fields of the national Algoritmeregister.",
    };

    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(swaggerDoc);
        ArgumentNullException.ThrowIfNull(context);
        var schemas = swaggerDoc.Components?.Schemas;
        if (schemas is null)
        {
            return;
        }

        // Serialise once and keep only schemas reachable from the paths.
        var used = new HashSet<string>();
        var pending = new Queue<string>();
        var pathsJson = Serialize(swaggerDoc.Paths);
        foreach (var id in Referenced(pathsJson))
        {
            if (used.Add(id))
            {
                pending.Enqueue(id);
            }
        }

        while (pending.Count > 0)
        {
            var id = pending.Dequeue();
            if (!schemas.TryGetValue(id, out var schema))
            {
                continue;
            }

            foreach (var child in Referenced(Serialize(schema)))
            {
                if (used.Add(child))
                {
                    pending.Enqueue(child);
                }
            }
        }

        foreach (var id in schemas.Keys.Where(k => !used.Contains(k)).ToList())
        {
            schemas.Remove(id);
        }

        var ordered = schemas.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList();
        schemas.Clear();
        foreach (var (key, value) in ordered)
        {
            schemas[key] = value;
        }

        // Document tags are the operations' tags (not the application name Swashbuckle defaults to).
        var tags = swaggerDoc.Paths.Values
            .SelectMany(p => p.Operations?.Values.AsEnumerable() ?? [])
            .SelectMany(o => o.Tags?.Select(t => t.Name) ?? [])
            .OfType<string>()
            .Distinct()
            .Order(StringComparer.Ordinal);
        swaggerDoc.Tags = tags.Select(name => new OpenApiTag { Name = name, Description = TagDescriptions.GetValueOrDefault(name) }).ToHashSet();
    }

    private static string Serialize(IOpenApiSerializable element)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        element.SerializeAsV3(new OpenApiJsonWriter(writer));
        return writer.ToString();
    }

    private static IEnumerable<string> Referenced(string json)
    {
        const string marker = "\"#/components/schemas/";
        var index = 0;
        while ((index = json.IndexOf(marker, index, StringComparison.Ordinal)) >= 0)
        {
            index += marker.Length;
            var end = json.IndexOf('"', index);
            yield return json[index..end];
            index = end;
        }
    }
}
