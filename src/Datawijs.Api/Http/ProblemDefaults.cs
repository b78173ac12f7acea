using Microsoft.AspNetCore.Mvc;

namespace Datawijs.Api.Http;

/// <summary>
/// The framework's <c>CustomizeProblemDetails</c> hook: gives every problem its code, type, title and instance, and a
/// problem the framework raises itself (a bodiless 404, 405, 415... through the status-code pages) the code and detail of its status.
/// </summary>
public static class ProblemDefaults
{
    public static void Complete(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        if (problem.Extensions.TryGetValue(Problems.CodeKey, out var value) && value is string code)
        {
            Fill(problem, context.HttpContext.Request, status, code);
            return;
        }

        (code, var detail) = ForStatus(status);
        problem.Extensions[Problems.CodeKey] = code;
        problem.Detail ??= detail;
        Fill(problem, context.HttpContext.Request, status, code);
    }

    private static void Fill(ProblemDetails problem, HttpRequest request, int status, string code)
    {
        problem.Status = status;
        problem.Type = "urn:datawijs:problem:" + code;
        problem.Title = Problems.TitleFor(code, status);
        problem.Instance = request.PathBase.Add(request.Path).Value;
    }

    private static (string Code, string? Detail) ForStatus(int status) => status switch
    {
        404 => ("not-found", "No resource at this path, or it belongs to another tenant."),
        405 => ("method-not-allowed", "This path does not support the method."),
        413 => ("body-too-large", "The request body is larger than allowed."),
        406 => ("not-acceptable", "The Accept header allows no media type this operation answers in."),
        408 => ("request-timeout", "The request was not received in time."),
        415 => ("unsupported-media-type", "The body's media type is not one this operation takes."),
        431 => ("headers-too-large", "The request headers are too large."),
        _ => ("http-" + status, null),
    };
}
