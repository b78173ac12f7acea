using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Datawijs.Api.Http;

/// <summary>
/// Writes every problem the framework's <see cref="IProblemDetailsService"/> is asked for (by <see cref="Problems.WriteAsync"/>,
/// the status-code pages and the exception handler) in the contract's <see cref="Problem"/> shape. The framework's own writer
/// is not used: it declines when <c>Accept</c> does not name JSON (a 406 must still explain itself), leaves out a null
/// <c>detail</c> and adds a <c>traceId</c> the contract does not have.
/// </summary>
public sealed class ProblemJsonWriter(IOptions<ProblemDetailsOptions> options) : IProblemDetailsWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public bool CanWrite(ProblemDetailsContext context) => true;

    public async ValueTask WriteAsync(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        options.Value.CustomizeProblemDetails?.Invoke(context);
        var response = context.HttpContext.Response;
        response.ContentType = Problems.ContentType;
        await JsonSerializer.SerializeAsync(response.Body, ToProblem(context.ProblemDetails), Json, context.HttpContext.RequestAborted);
    }

    /// <summary>The contract's shape of a completed problem (<see cref="ProblemDefaults.Complete"/>).</summary>
    public static Problem ToProblem(ProblemDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        return new Problem
        {
            Type = details.Type ?? "about:blank",
            Title = details.Title ?? "",
            Status = details.Status ?? 0,
            Detail = details.Detail,
            Instance = details.Instance,
            Code = details.Extensions.TryGetValue(Problems.CodeKey, out var code) ? code as string : null,
            InvalidParams = details.Extensions.TryGetValue(Problems.InvalidParamsKey, out var invalid) ? invalid as IReadOnlyList<InvalidParam> : null,
            AcceptedMediaTypes = details.Extensions.TryGetValue(Problems.AcceptedMediaTypesKey, out var accepted) ? accepted as IReadOnlyList<string> : null,
        };
    }
}
