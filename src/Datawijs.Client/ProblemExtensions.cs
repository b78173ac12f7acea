using System.Net;
using System.Text.Json;
using Refit;

namespace Datawijs.Client;

public static class ProblemExtensions
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The problem+json of a failed call, or null when the call succeeded or sent none.</summary>
    public static Problem? Problem(this IApiResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var content = (response.Error as ApiException)?.Content;
        if (string.IsNullOrEmpty(content))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<Problem>(content, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The content of a successful call; otherwise throws <see cref="DatawijsProblemException"/> with the problem details.</summary>
    /// <exception cref="DatawijsProblemException">The call failed (any status outside 2xx, or no content).</exception>
    public static T OrThrow<T>(this IApiResponse<T> response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.IsSuccessful && response.Content is { } content)
        {
            return content;
        }

        throw DatawijsProblemException.From(response);
    }

    /// <summary>Awaits the call, then <see cref="OrThrow{T}(IApiResponse{T})"/>: <c>await api.GetAsync(id).OrThrow()</c>.</summary>
    public static async Task<T> OrThrow<T>(this Task<IApiResponse<T>> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return (await call.ConfigureAwait(false)).OrThrow();
    }

    /// <summary>Throws <see cref="DatawijsProblemException"/> unless the call succeeded (for calls without content).</summary>
    public static void OrThrow(this IApiResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (!response.IsSuccessful)
        {
            throw DatawijsProblemException.From(response);
        }
    }

    /// <inheritdoc cref="OrThrow(IApiResponse)"/>
    public static async Task OrThrow(this Task<IApiResponse> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        (await call.ConfigureAwait(false)).OrThrow();
    }
}

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
