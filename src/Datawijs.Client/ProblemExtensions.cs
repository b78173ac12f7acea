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
}
