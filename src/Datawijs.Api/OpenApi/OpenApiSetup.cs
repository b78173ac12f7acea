using System.Text.Json;
using Microsoft.OpenApi;

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
