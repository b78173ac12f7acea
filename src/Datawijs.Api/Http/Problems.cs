using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc;

namespace Datawijs.Api.Http;

/// <summary>Every error response of the API is written here, so they all look alike.</summary>
public static class Problems
{
    public const string ContentType = "application/problem+json";

    /// <summary>The extension members of <see cref="ProblemDetails"/> that <see cref="Problem"/> has as properties.</summary>
    public const string CodeKey = "code";

    public const string InvalidParamsKey = "invalidParams";

    public const string AcceptedMediaTypesKey = "acceptedMediaTypes";

    private static readonly ProblemJsonWriter WithoutServices =
        new(Microsoft.Extensions.Options.Options.Create(new ProblemDetailsOptions { CustomizeProblemDetails = ProblemDefaults.Complete }));

    /// <summary>The problem as <see cref="ProblemJsonWriter"/> would write it, for FastEndpoints' validation responses.</summary>
    public static Problem Create(HttpContext context, int status, string code, string? detail, IReadOnlyList<InvalidParam>? invalidParams = null,
        IReadOnlyList<string>? acceptedMediaTypes = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problem = new ProblemDetailsContext { HttpContext = context, ProblemDetails = Details(status, code, detail, invalidParams, acceptedMediaTypes) };
        ProblemDefaults.Complete(problem);
        return ProblemJsonWriter.ToProblem(problem.ProblemDetails);
    }

    /// <summary>
    /// Writes the problem through the framework's <see cref="IProblemDetailsService"/> (see <see cref="ProblemJsonWriter"/>),
    /// the same path the status-code pages and the exception handler take.
    /// </summary>
    public static async Task WriteAsync(HttpContext context, int status, string code, string? detail, IReadOnlyList<InvalidParam>? invalidParams = null,
        IReadOnlyList<string>? acceptedMediaTypes = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Response.HasStarted)
        {
            return;
        }

        context.Response.StatusCode = status;
        var problem = new ProblemDetailsContext { HttpContext = context, ProblemDetails = Details(status, code, detail, invalidParams, acceptedMediaTypes) };
        if (context.RequestServices?.GetService<IProblemDetailsService>() is { } service)
        {
            await service.WriteAsync(problem);
        }
        else
        {
            // A context built by hand (a middleware run on its own) has no services; the problem looks the same.
            await WithoutServices.WriteAsync(problem);
        }

        // When the body is buffered (Idempotency-Key) the response has not started yet, and
        // FastEndpoints would otherwise send its default 204 after the handler returns.
        FastEndpoints.HttpContextExtensions.MarkResponseStart(context);
    }

    private static ProblemDetails Details(int status, string code, string? detail, IReadOnlyList<InvalidParam>? invalidParams, IReadOnlyList<string>? acceptedMediaTypes)
    {
        var problem = new ProblemDetails { Status = status, Detail = detail, Extensions = { [CodeKey] = code } };
        if (invalidParams is not null)
        {
            problem.Extensions[InvalidParamsKey] = invalidParams;
        }

        if (acceptedMediaTypes is not null)
        {
            problem.Extensions[AcceptedMediaTypesKey] = acceptedMediaTypes;
        }

        return problem;
    }

    /// <summary>404 for a resource that does not exist or belongs to another tenant: the two are indistinguishable on purpose.</summary>
    public static Task NotFoundAsync(HttpContext context, string resource) =>
        WriteAsync(context, StatusCodes.Status404NotFound, "not-found", $"No {resource} with this id.");

    /// <summary>FastEndpoints' hook for binding and FluentValidation failures: all of them at once.</summary>
    public static object FromValidationFailures(List<ValidationFailure> failures, HttpContext context, int status) =>
        Create(context, status, "invalid-params", "One or more inputs are invalid; see invalidParams.", InvalidParamsOf(failures));

    /// <summary>
    /// FluentValidation failures as invalidParams, for an endpoint that runs its own checks too
    /// (<c>DontThrowIfValidationFails</c>) and must report both in one 400.
    /// </summary>
    public static List<InvalidParam> InvalidParamsOf(IEnumerable<ValidationFailure> failures)
    {
        ArgumentNullException.ThrowIfNull(failures);
        return failures
            .Select(f => new InvalidParam(FieldName(f.PropertyName), CodeFor(f), f.ErrorMessage))
            .Distinct()
            .ToList();
    }

    /// <summary>
    /// Each code has its own short title, so a log or a screen that shows only the title still says what went
    /// wrong; a code without its own title (new ones, before they get one) falls back to the status's title.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Titles = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["invalid-params"] = "Invalid input",
        ["invalid-idempotency-key"] = "Invalid Idempotency-Key",
        ["invalid-records"] = "Invalid records",
        ["bad-request"] = "Unreadable request",
        ["unauthorized"] = "Not authenticated",
        ["forbidden"] = "Scope missing",
        ["user-required"] = "Person required",
        ["not-found"] = "Not found",
        ["method-not-allowed"] = "Method not allowed",
        ["not-acceptable"] = "Media type not available",
        ["unsupported-media-type"] = "Media type not accepted",
        ["body-too-large"] = "Body too large",
        ["headers-too-large"] = "Headers too large",
        ["request-timeout"] = "Request took too long",
        ["idempotency-key-in-progress"] = "Same request still running",
        ["idempotency-key-reused"] = "Idempotency-Key used for another request",
        ["gone"] = "No longer exists",
        ["rate-limited"] = "Too many requests",
        ["database-unavailable"] = "Database unavailable",
        ["internal-error"] = "Unexpected error",
        ["scan-completed"] = "Scan already completed",
        ["scan-open"] = "Scan not completed",
        ["no-respondents"] = "Scan has no answers",
        ["not-draft"] = "Profile set is not a draft",
        ["already-retired"] = "Profile set already retired",
        ["no-outflow-outcome"] = "Dataset has no outflow outcome",
        ["dataset-gone"] = "Dataset no longer exists",
        ["too-many-clusterings"] = "Too many clusterings open",
        ["too-many-uploads"] = "Too many uploads in progress",
        ["upload-space-full"] = "Upload space in use",
        ["upload-too-large"] = "Upload too large",
        ["publication-blocked"] = "Publication blocked",
        ["publication-history-changed"] = "Publication history changed",
        ["fairness-reviewed"] = "Inequality check already reviewed",
        ["nothing-to-review"] = "Nothing to review",
        ["clustering-finished"] = "Clustering already finished",
        ["clustering-not-succeeded"] = "Clustering did not succeed",
        ["no-published-profile-set"] = "No published profile set",
        ["assignment-decided"] = "Assignment already decided",
        ["assignment-contested"] = "Assignment contested",
        ["assignment-withdrawn"] = "Assignment withdrawn",
        ["objection-reviewed"] = "Objection already reviewed",
    };

    public static string TitleFor(string code, int status) =>
        Titles.TryGetValue(code, out var title) ? title : TitleFor(status);

    public static string TitleFor(int status) => status switch
    {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        406 => "Not Acceptable",
        409 => "Conflict",
        410 => "Gone",
        413 => "Content Too Large",
        415 => "Unsupported Media Type",
        422 => "Unprocessable Content",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Error",
    };

    private static string CodeFor(ValidationFailure failure)
    {
        if (!string.IsNullOrEmpty(failure.ErrorCode) && !failure.ErrorCode.EndsWith("Validator", StringComparison.Ordinal))
        {
            return failure.ErrorCode;
        }

        return failure.ErrorCode switch
        {
            "NotEmptyValidator" or "NotNullValidator" => "required",
            "MaximumLengthValidator" => "max-length",
            "MinimumLengthValidator" => "min-length",
            "LengthValidator" => "length",
            "InclusiveBetweenValidator" or "ExclusiveBetweenValidator" => "range",
            "GreaterThanOrEqualValidator" or "GreaterThanValidator" => "minimum",
            "LessThanOrEqualValidator" or "LessThanValidator" => "maximum",
            "RegularExpressionValidator" => "pattern",
            "EmailValidator" => "email",
            _ => "invalid",
        };
    }

    // FastEndpoints reports body-binding failures under "SerializerErrors" and JSON paths as "$.a.b".
    private static string FieldName(string propertyName)
    {
        if (string.IsNullOrEmpty(propertyName))
        {
            return "body";
        }

        // A name an endpoint gives its own error (features.<name>) is already the wire name; only member names are camel-cased.
        if (char.IsLower(propertyName[0]))
        {
            return propertyName;
        }

        var name = propertyName.StartsWith("$.", StringComparison.Ordinal) ? propertyName[2..] : propertyName;
        if (name is "$" or "SerializerErrors" or "GeneralErrors")
        {
            return "body";
        }

        return string.Join('.', name.Split('.').Select(part => part.Length > 0 ? char.ToLowerInvariant(part[0]) + part[1..] : part));
    }
}
