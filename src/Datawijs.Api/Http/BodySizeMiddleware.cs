using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace Datawijs.Api.Http;

/// <summary>
/// Refuses bodies over the limit before anything reads them: the configured default for JSON,
/// or the endpoint's own limit (uploads) when it declares one.
/// </summary>
public sealed class BodySizeMiddleware(RequestDelegate next, Hosting.LimitsSettings limits)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize
            ?? limits.MaxRequestBodyBytes;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        if (context.Request.ContentLength > limit)
        {
            await Problems.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "body-too-large",
                $"The request body may be at most {limit} bytes.");
            return;
        }

        await next(context);
    }
}
