using System.Text.RegularExpressions;
using Microsoft.Net.Http.Headers;
using Swashbuckle.AspNetCore.Swagger;

namespace Datawijs.Api.Http;

/// <summary>
/// Media types as the contract states them, so a client learns from a problem+json answer (not an empty one)
/// what an operation takes and gives: a body in a media type the operation does not take, or none where it needs
/// one, is 415; an <c>Accept</c> that none of its success media types meets is 406. Both list the media types
/// that would work in <c>acceptedMediaTypes</c>. The contract is read once, from the same generator that serves it.
/// </summary>
public sealed partial class ContentNegotiationMiddleware(RequestDelegate next, ISwaggerProvider contract)
{
    private readonly Lazy<IReadOnlyList<Route>> _routes = new(() => Read(contract));

    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        var route = _routes.Value.FirstOrDefault(r => r.Pattern.IsMatch(path));
        if (route is null || !route.Operations.TryGetValue(context.Request.Method.ToUpperInvariant(), out var operation))
        {
            // Unknown paths and methods are answered by routing (404, 405) and written as problems by the status-code pages.
            await next(context);
            return;
        }

        if (operation.Takes.Count > 0 && !Takes(operation.Takes, context.Request.ContentType))
        {
            context.Response.Headers["Accept-" + char.ToUpperInvariant(context.Request.Method[0]) + context.Request.Method[1..].ToLowerInvariant()] =
                string.Join(", ", operation.Takes);
            var sent = string.IsNullOrEmpty(context.Request.ContentType) ? "no Content-Type" : "Content-Type " + context.Request.ContentType;
            await Problems.WriteAsync(context, StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type",
                $"This operation takes a body of media type {string.Join(" or ", operation.Takes)}; the request has {sent}.",
                acceptedMediaTypes: operation.Takes);
            return;
        }

        if (operation.Gives.Count > 0 && !Acceptable(operation.Gives, context.Request.Headers.Accept))
        {
            await Problems.WriteAsync(context, StatusCodes.Status406NotAcceptable, "not-acceptable",
                $"This operation answers in {string.Join(" or ", operation.Gives)}; the Accept header allows none of these.",
                acceptedMediaTypes: operation.Gives);
            return;
        }

        await next(context);
    }

    private static bool Takes(IReadOnlyList<string> takes, string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var sent) || sent.MediaType.Value is not { } mediaType)
        {
            return false;
        }

        // A JSON operation reads any JSON media type (application/merge-patch+json, application/vnd.x+json).
        return takes.Any(t => string.Equals(t, mediaType, StringComparison.OrdinalIgnoreCase)
            || (t == "application/json" && mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase)));
    }

    private static bool Acceptable(IReadOnlyList<string> gives, Microsoft.Extensions.Primitives.StringValues accept)
    {
        if (accept.Count == 0 || !MediaTypeHeaderValue.TryParseList(accept, out var ranges) || ranges.Count == 0)
        {
            return true;
        }

        return ranges.Any(range => range.Quality is not 0
            && gives.Any(g => MediaTypeHeaderValue.Parse(g).IsSubsetOf(range)));
    }

    private static List<Route> Read(ISwaggerProvider contract)
    {
        var document = contract.GetSwagger(OpenApi.OpenApiSetup.DocumentName);
        var routes = new List<Route>();
        foreach (var (template, item) in document.Paths)
        {
            var operations = new Dictionary<string, Operation>(StringComparer.Ordinal);
            foreach (var (method, operation) in item.Operations ?? [])
            {
                var takes = operation.RequestBody?.Content?.Keys.Order(StringComparer.Ordinal).ToList() ?? [];
                var gives = (operation.Responses ?? [])
                    .Where(r => r.Key.StartsWith('2'))
                    .SelectMany(r => r.Value.Content?.Keys.AsEnumerable() ?? [])
                    .Distinct()
                    .Order(StringComparer.Ordinal)
                    .ToList();
                operations[method.Method.ToUpperInvariant()] = new Operation(takes, gives);
            }

            var literal = template.Split('/').Count(s => !s.StartsWith('{'));
            var pattern = new Regex("^" + Parameter().Replace(Regex.Escape(template).Replace(@"\{", "{", StringComparison.Ordinal), "[^/]+") + "$",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
            routes.Add(new Route(pattern, literal, operations));
        }

        // A literal segment wins over a parameter, as in routing.
        return routes.OrderByDescending(r => r.LiteralSegments).ToList();
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();

    private sealed record Route(Regex Pattern, int LiteralSegments, Dictionary<string, Operation> Operations);

    private sealed record Operation(IReadOnlyList<string> Takes, IReadOnlyList<string> Gives);
}
