using System.Data.Common;

namespace Datawijs.Api.Http;

/// <summary>
/// The API conventions (README, "API conventions") that hold for every response: API-Version, security headers,
/// no trailing slashes, and problem+json for every error, including those the framework
/// answers without a body (404, 405, 415...) and unexpected exceptions.
/// </summary>
public sealed class ConventionsMiddleware(RequestDelegate next, ILogger<ConventionsMiddleware> logger)
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

        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested
            && context.Features.Get<Microsoft.AspNetCore.Http.Timeouts.IHttpRequestTimeoutFeature>()?.RequestTimeoutToken.IsCancellationRequested != true)
        {
            // The caller went away; there is nobody to answer.
            return;
        }
        catch (Exception ex) when (IsDatabaseUnavailable(ex))
        {
            logger.LogError(ex, "Database unavailable while handling {Method} {Endpoint}", context.Request.Method, context.GetEndpoint()?.DisplayName);
            context.Response.Headers.RetryAfter = "5";
            await Problems.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "database-unavailable",
                "The database is unavailable. Try again shortly.");
            return;
        }
        catch (BadHttpRequestException ex)
        {
            await Problems.WriteAsync(context, ex.StatusCode, ex.StatusCode == 413 ? "body-too-large" : "bad-request", ex.Message);
            return;
        }
        catch (OperationCanceledException) when (context.Features.Get<Microsoft.AspNetCore.Http.Timeouts.IHttpRequestTimeoutFeature>()?.RequestTimeoutToken.IsCancellationRequested == true)
        {
            // The request timeout (Limits:RequestTimeoutSeconds) fired inside a handler that does not catch it.
            await Problems.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "request-timeout",
                "The request took too long and was stopped. Try again later.");
            return;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Unhandled error in {Method} {Endpoint}", context.Request.Method, context.GetEndpoint()?.DisplayName);
            await Problems.WriteAsync(context, StatusCodes.Status500InternalServerError, "internal-error",
                "An unexpected error occurred. It has been logged.");
            return;
        }

        if (context.Response is { HasStarted: false, StatusCode: >= 400 } && context.Response.ContentLength is null or 0
            && string.IsNullOrEmpty(context.Response.ContentType))
        {
            var status = context.Response.StatusCode;
            var (code, detail) = status switch
            {
                404 => ("not-found", "No resource at this path, or it belongs to another tenant."),
                405 => ("method-not-allowed", "This path does not support the method."),
                413 => ("body-too-large", "The request body is larger than allowed."),
                406 => ("not-acceptable", "The Accept header allows no media type this operation answers in."),
                408 => ("request-timeout", "The request was not received in time."),
                415 => ("unsupported-media-type", "The body's media type is not one this operation takes."),
                431 => ("headers-too-large", "The request headers are too large."),
                _ => ("http-" + status, (string?)null),
            };
            await Problems.WriteAsync(context, status, code, detail);
        }
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

    private static bool IsDatabaseUnavailable(Exception ex) => ex switch
    {
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteErrorCode is 5 /* BUSY */ or 6 /* LOCKED */ or 10 /* IOERR */ or 14 /* CANTOPEN */ or 11 /* CORRUPT */ or 26 /* NOTADB */,
        Microsoft.Data.SqlClient.SqlException sql => sql.Number is -2 or 2 or 53 or 233 or 1205 or 4060 or 10053 or 10054 or 10060 or 40501 or 40613,
        DbException => false,
        TimeoutException => true,
        _ => ex.InnerException is not null && IsDatabaseUnavailable(ex.InnerException),
    };
}
