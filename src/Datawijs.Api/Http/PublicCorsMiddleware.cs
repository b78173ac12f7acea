namespace Datawijs.Api.Http;

/// <summary>
/// The contract and the /public endpoints may be read from any web page (CORS *). Everything
/// else is server to server: a portal calls it from its back end because the client secret
/// must stay secret, so no CORS headers are sent there.
/// <para>
/// Not the framework's CORS middleware: it answers only requests that carry <c>Origin</c>, and for
/// "*" it sends no <c>Vary: Origin</c>. Public answers are cacheable (<c>public, max-age=300</c>), so a
/// shared cache could store one fetched without <c>Origin</c> and hand it to a browser without the
/// header it needs. Here every public answer carries "*".
/// </para>
/// </summary>
public sealed class PublicCorsMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        var isPublic = path.Equals(OpenApi.OpenApiSetup.DocumentPath, StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/api/v1/public", StringComparison.OrdinalIgnoreCase);
        if (!isPublic)
        {
            await next(context);
            return;
        }

        context.Response.Headers.AccessControlAllowOrigin = "*";
        if (HttpMethods.IsOptions(context.Request.Method) && context.Request.Headers.ContainsKey("Access-Control-Request-Method"))
        {
            context.Response.Headers.AccessControlAllowMethods = "GET, OPTIONS";
            context.Response.Headers.AccessControlAllowHeaders = "Accept, Accept-Language, Content-Type";
            context.Response.Headers.AccessControlMaxAge = "86400";
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }

        await next(context);
    }
}
