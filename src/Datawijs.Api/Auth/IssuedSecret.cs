namespace Datawijs.Api.Auth;

/// <summary>A newly issued client secret (shown once), with the salt and hash that are stored instead of it.</summary>
public sealed record IssuedSecret(string Secret, string Salt, string Hash);
