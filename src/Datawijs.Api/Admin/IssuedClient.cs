namespace Datawijs.Api.Admin;

public sealed record IssuedClient(string TenantSlug, string ClientId, string Secret, IReadOnlyList<string> Scopes);
