namespace Datawijs.Api.OpenApi;

/// <summary>The stable operationId of an endpoint in the contract (and so the generated client's method name).</summary>
public sealed record OperationIdMetadata(string Id);
