namespace Datawijs.Api.Auth;

/// <summary>The claims of a ZGW-style token that Datawijs reads.</summary>
public sealed record ZgwClaims(string ClientId, DateTimeOffset IssuedAt, DateTimeOffset? Expires, DateTimeOffset? NotBefore, string? UserId, string? UserRepresentation);
