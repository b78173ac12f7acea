using System.Data.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Timeouts;

namespace Datawijs.Api.Http;

/// <summary>
/// What escapes an endpoint, as problem+json (the framework's exception handler calls this; it already lets a request
/// whose caller went away end without an answer): an unavailable database 503 with Retry-After, an unreadable request 400
/// (413 when too large), a request timeout 503, anything else 500. A database fault and anything unexpected are logged.
/// </summary>
public sealed class ExceptionProblemHandler(ILogger<ExceptionProblemHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var endpoint = httpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint?.DisplayName;
        if (IsDatabaseUnavailable(exception))
        {
            logger.LogError(exception, "Database unavailable while handling {Method} {Endpoint}", httpContext.Request.Method, endpoint);
            httpContext.Response.Headers.RetryAfter = "5";
            await Problems.WriteAsync(httpContext, StatusCodes.Status503ServiceUnavailable, "database-unavailable",
                "The database is unavailable. Try again shortly.");
        }
        else if (exception is BadHttpRequestException badRequest)
        {
            await Problems.WriteAsync(httpContext, badRequest.StatusCode, badRequest.StatusCode == 413 ? "body-too-large" : "bad-request", badRequest.Message);
        }
        else if (exception is OperationCanceledException
            && httpContext.Features.Get<IHttpRequestTimeoutFeature>()?.RequestTimeoutToken.IsCancellationRequested == true)
        {
            // The request timeout (Limits:RequestTimeoutSeconds) fired inside a handler that does not catch it.
            await Problems.WriteAsync(httpContext, StatusCodes.Status503ServiceUnavailable, "request-timeout",
                "The request took too long and was stopped. Try again later.");
        }
        else
        {
            logger.LogError(exception, "Unhandled error in {Method} {Endpoint}", httpContext.Request.Method, endpoint);
            await Problems.WriteAsync(httpContext, StatusCodes.Status500InternalServerError, "internal-error",
                "An unexpected error occurred. It has been logged.");
        }

        return true;
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
