using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace Datawijs.Api.Http;

/// <summary>
/// Refuses bodies over the limit before anything reads them: the configured default for JSON,
/// or the endpoint's own limit (uploads) when it declares one.
/// <para>
/// An empty body declared as JSON (<c>Content-Length: 0</c>, as many HTTP clients send on every POST)
/// is read as <c>{}</c>: an operation that takes no body goes ahead, and one that needs a body says
/// which fields are missing, instead of failing to parse nothing.
/// </para>
/// </summary>
public sealed class BodySizeMiddleware(RequestDelegate next, Configuration.LimitsSettings limits)
{
    private static readonly byte[] EmptyObject = "{}"u8.ToArray();

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

        if (context.Request.ContentLength == 0 && context.Request.HasJsonContentType())
        {
            context.Request.Body = new MemoryStream(EmptyObject, writable: false);
            context.Request.ContentLength = EmptyObject.Length;
        }

        await next(context);
    }
}
