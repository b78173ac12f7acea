using System.Net;
using Refit;

namespace Datawijs.Client;

/// <summary>A call that failed, with the API's problem details (RFC 9457) when it sent them.</summary>
public sealed class DatawijsProblemException : Exception
{
    public DatawijsProblemException(string message)
        : base(message)
    {
    }

    public DatawijsProblemException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    private DatawijsProblemException(string message, HttpStatusCode status, Problem? problem, Exception? inner)
        : base(message, inner)
    {
        StatusCode = status;
        Problem = problem;
    }

    public HttpStatusCode StatusCode { get; }

    /// <summary>The problem+json the API answered with, or null (e.g. a proxy's error page).</summary>
    public Problem? Problem { get; }

    /// <summary>The machine-readable problem code (e.g. <c>validation-failed</c>), if any.</summary>
    public string? Code => Problem?.Code;

    public IReadOnlyList<InvalidParam> InvalidParams => Problem?.InvalidParams ?? [];

    internal static DatawijsProblemException From(IApiResponse response)
    {
        var problem = response.Problem();
        var message = problem is null
            ? $"The Datawijs API answered {(int?)response.StatusCode} {response.ReasonPhrase}."
            : $"{problem.Status} {problem.Title}{(problem.Code is null ? "" : $" ({problem.Code})")}: {problem.Detail}"
              + string.Concat(problem.InvalidParams?.Select(p => $" {p.Name}: {p.Reason}") ?? []);
        return new DatawijsProblemException(message, response.StatusCode ?? 0, problem, response.Error);
    }
}
