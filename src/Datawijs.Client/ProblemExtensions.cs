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
