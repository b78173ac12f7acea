namespace Datawijs.Api.Auth;

/// <summary>A token's claims when it passed the checks, else why it did not.</summary>
public sealed record ZgwTokenResult(ZgwClaims? Claims, string? Error)
{
    public bool IsValid => Claims is not null && Error is null;

    public static ZgwTokenResult Fail(string error) => new(null, error);
}
