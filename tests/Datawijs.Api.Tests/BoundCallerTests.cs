using System.Security.Claims;
using Datawijs.Api.Auth;
using Microsoft.AspNetCore.Http;

namespace Datawijs.Api.Tests;

/// <summary>The caller is bound to the request once, by the handler that built the principal, and only for that principal.</summary>
public sealed class BoundCallerTests
{
    private static readonly Guid Tenant = Guid.CreateVersion7();

    [Fact]
    public void The_caller_bound_with_the_principals_identity_is_the_one_read()
    {
        var identity = Identity("client-a");
        var context = new DefaultHttpContext { User = new ClaimsPrincipal(identity) };
        var bound = new Caller(Tenant, "t", "client-a", "user-1", null);

        context.Bind(identity, bound);

        Assert.Same(bound, context.Caller());
    }

    [Fact]
    public void A_caller_bound_for_another_identity_is_ignored_and_the_claims_are_read()
    {
        var context = new DefaultHttpContext { User = new ClaimsPrincipal(Identity("client-b")) };

        context.Bind(Identity("client-a"), new Caller(Tenant, "t", "client-a", null, null));

        Assert.Equal("client-b", context.Caller().ClientId);
    }

    [Fact]
    public void The_citizen_bound_with_the_principals_identity_is_the_one_read()
    {
        var identity = Identity("portal");
        var context = new DefaultHttpContext { User = new ClaimsPrincipal(identity) };
        var citizen = new CitizenCaller(Tenant, "t", "portal", "pseudonym");

        context.Bind(identity, citizen);

        Assert.Same(citizen, context.CitizenCaller());
    }

    [Fact]
    public void A_request_without_an_authenticated_client_has_no_caller()
    {
        var context = new DefaultHttpContext();

        Assert.Throws<InvalidOperationException>(() => context.Caller());
        Assert.Throws<InvalidOperationException>(() => context.CitizenCaller());
    }

    private static ClaimsIdentity Identity(string clientId) =>
        new([new Claim(ClaimNames.TenantId, Tenant.ToString("D")), new Claim(ClaimNames.ClientId, clientId)], "test");
}
