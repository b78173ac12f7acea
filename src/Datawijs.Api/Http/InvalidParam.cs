namespace Datawijs.Api.Http;

/// <summary>One invalid input: the field (camelCase, dotted for nested, [i] for items), a stable code and a reason.</summary>
public sealed record InvalidParam(string Name, string Code, string Reason);
