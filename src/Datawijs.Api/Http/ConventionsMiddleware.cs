namespace Datawijs.Api.Http;

/// <summary>
/// The API conventions (README, "API conventions") the framework has no setting for: API-Version and the security
/// headers on every response, no trailing slashes, and 431 as problem+json for oversized headers. Errors without a
/// body and exceptions become problem+json in the framework's status-code pages and exception handler.
/// </summary>
public sealed class ConventionsMiddleware(RequestDelegate next)
{
    public const string ApiVersion = "1.0.0";

    public async Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var response = ((HttpContext)state).Response;
            var headers = response.Headers;
            headers["API-Version"] = ApiVersion;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            var context = (HttpContext)state;
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments(OpenApi.OpenApiSetup.ReferencePath, StringComparison.Ordinal)
                ? ReferencePolicy(context.Items[Scalar.AspNetCore.ScalarOptions.NonceHttpContextItemKey] as string)
                : "default-src 'none'; frame-ancestors 'none'";
            headers["Referrer-Policy"] = "no-referrer";
            if (!headers.ContainsKey("Cache-Control"))
            {
                // Responses may hold personal data: nothing is cached unless an endpoint says so.
                headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        }, context);

        var path = context.Request.Path.Value;
        // The API reference's page lives at /api/v1/docs/ (its assets are relative to it); /api/v1/docs redirects there.
        if (path is { Length: > 1 } && path.EndsWith('/') && !string.Equals(path, OpenApi.OpenApiSetup.ReferencePath + "/", StringComparison.Ordinal))
        {
            await Problems.WriteAsync(context, StatusCodes.Status404NotFound, "not-found",
                "No resource at this path. Paths have no trailing slash.");
            return;
        }

        if (HeaderBytes(context.Request.Headers) > Configuration.LimitsSettings.MaxRequestHeadersBytes)
        {
            await Problems.WriteAsync(context, StatusCodes.Status431RequestHeaderFieldsTooLarge, "headers-too-large",
                $"The request headers may be at most {Configuration.LimitsSettings.MaxRequestHeadersBytes} bytes together.");
            return;
        }

        await next(context);
    }

    /// <summary>
    /// The API reference runs the package's own scripts (and, on its page, only the inline one carrying this
    /// request's nonce); it reads the contract and sends tried requests to this origin only. Nothing is loaded
    /// from elsewhere, whatever URLs the bundle's texts mention.
    /// </summary>
    private static string ReferencePolicy(string? nonce) =>
        "default-src 'none'; script-src 'self'" + (nonce is null ? "" : " 'nonce-" + nonce + "'")
        + "; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'"
        + "; worker-src 'self' blob:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static long HeaderBytes(IHeaderDictionary headers)
    {
        long total = 0;
        foreach (var (name, values) in headers)
        {
            total += name.Length + 4;
            foreach (var value in values)
            {
                total += value?.Length ?? 0;
            }
        }

        return total;
    }
}
