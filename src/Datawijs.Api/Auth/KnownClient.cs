using Datawijs.Data.Tenants;

namespace Datawijs.Api.Auth;

/// <summary>A client that may sign tokens: its row and the secret it signs with.</summary>
public sealed record KnownClient(ClientRow Row, byte[] Secret);
