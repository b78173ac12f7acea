using System.Security.Claims;

namespace Datawijs.Api.Auth;

/// <summary>
/// The caller, bound to the request once by the authentication handler that built the principal, so that an
/// endpoint reads it instead of parsing the claims again. What is bound counts only for the identity it was
/// made from: a principal from another scheme is read from its claims, as before.
/// </summary>
public static class BoundCallers
{
    /// <summary>Binds the client (and person) of a verified client token to the request.</summary>
    public static void Bind(this HttpContext context, ClaimsIdentity identity, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Features.Set(new Bound<Caller>(identity, caller));
    }

    /// <summary>Binds the citizen of a verified citizen token to the request.</summary>
    public static void Bind(this HttpContext context, ClaimsIdentity identity, CitizenCaller citizen)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Features.Set(new Bound<CitizenCaller>(identity, citizen));
    }

    /// <summary>The authenticated client of a tenant; throws when the request has none.</summary>
    public static Caller Caller(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return BoundTo<Caller>(context) ?? Auth.Caller.From(context.User);
    }

    /// <summary>The citizen of a verified citizen token; throws when the request has none.</summary>
    public static CitizenCaller CitizenCaller(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return BoundTo<CitizenCaller>(context) ?? Auth.CitizenCaller.From(context.User);
    }

    private static T? BoundTo<T>(HttpContext context)
        where T : class =>
        context.Features.Get<Bound<T>>() is { } bound && context.User.Identities.Contains(bound.Identity) ? bound.Caller : null;

    private sealed record Bound<T>(ClaimsIdentity Identity, T Caller);
}
