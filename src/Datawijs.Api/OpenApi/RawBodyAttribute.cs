namespace Datawijs.Api.OpenApi;

/// <summary>
/// Marks an endpoint that reads its body itself as a stream (e.g. a CSV upload) instead of binding JSON:
/// the contract shows a request body of these media types, and the generated client takes HttpContent.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class RawBodyAttribute(params string[] mediaTypes) : Attribute
{
    public IReadOnlyList<string> MediaTypes { get; } = mediaTypes;
}
