namespace Datawijs.Api.Auth;

/// <summary>A token split into its claims and the signed bytes, before its signature is checked.</summary>
public sealed record ParsedToken(ZgwClaims Claims, byte[] SigningInput, byte[] Signature);
