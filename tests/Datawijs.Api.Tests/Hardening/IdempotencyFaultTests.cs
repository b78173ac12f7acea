using System.Net;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Datawijs.Api.Auth;
using Datawijs.Api.Http;
using Datawijs.Data.Idempotency;
using Datawijs.Domain.Privacy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Datawijs.Api.Tests.Hardening;

/// <summary>
/// A creating POST retried with the same Idempotency-Key, because its response was lost, creates
/// exactly one resource: after the first response was dropped, while the first is still running,
/// and when the caller went away before the server had answered.
/// </summary>
public sealed class IdempotencyFaultTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task A_retry_after_a_lost_response_gets_the_first_result_and_one_resource_exists()
    {
        using var http = await ClientOfNewTenantAsync();
        var key = Guid.NewGuid().ToString();

        // The first response is lost on its way: the caller never reads it.
        (await SendAsync(http, key, "Gemeente Eenmaal")).Dispose();

        using var retry = await SendAsync(http, key, "Gemeente Eenmaal");
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        var id = await IdOfAsync(retry);
        Assert.EndsWith($"/api/v1/organisations/{id}", retry.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal([id], await OrganisationIdsAsync(http));

        using var other = await SendAsync(http, key, "Gemeente Anders");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await other.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("idempotency-key-reused", problem.RootElement.GetProperty("code").GetString());
        Assert.Equal([id], await OrganisationIdsAsync(http));
    }

    [Fact]
    public async Task Concurrent_duplicates_with_one_key_create_exactly_one_resource()
    {
        using var http = await ClientOfNewTenantAsync();
        var key = Guid.NewGuid().ToString();

        using var start = new SemaphoreSlim(0);
        var attempts = Enumerable.Range(0, 8).Select(async _ =>
        {
            await start.WaitAsync(TestContext.Current.CancellationToken);
            return await SendAsync(http, key, "Gemeente Tegelijk");
        }).ToList();
        start.Release(attempts.Count);
        var responses = await Task.WhenAll(attempts);
        try
        {
            // One ran; each other one either replays it or is told that it is still running (409, Retry-After).
            Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
            Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created && !r.Headers.Contains("Idempotent-Replayed"));
            Assert.All(responses.Where(r => r.StatusCode == HttpStatusCode.Conflict), r => Assert.NotNull(r.Headers.RetryAfter));
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }

        using var retry = await SendAsync(http, key, "Gemeente Tegelijk");
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal([await IdOfAsync(retry)], await OrganisationIdsAsync(http));
    }

    [Fact]
    public async Task A_caller_that_goes_away_after_the_resource_was_stored_gets_it_replayed_on_retry_instead_of_a_second_one()
    {
        var issued = await fixture.Host.AddClientAsync("weg-" + Guid.NewGuid().ToString("N")[..8]);
        var tenant = await fixture.Host.FindTenantAsync(issued.TenantSlug);
        var services = fixture.Host.Services;
        var created = 0;
        using var gone = new CancellationTokenSource();
        var middleware = new IdempotencyMiddleware(
            async context =>
            {
                // The resource is stored; then the connection drops before the response is written.
                Interlocked.Increment(ref created);
                await gone.CancelAsync();
                context.Response.StatusCode = StatusCodes.Status201Created;
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("""{"id":"stored-once"}""", context.RequestAborted);
            },
            services.GetRequiredService<IdempotencyRepository>(),
            TimeProvider.System,
            services.GetRequiredService<KeyRing>(),
            services.GetRequiredService<IdempotencySettings>());
        var key = Guid.NewGuid().ToString();

        var first = Request(tenant!.Id, issued.ClientId, key);
        first.RequestAborted = gone.Token;
        await Record.ExceptionAsync(() => middleware.InvokeAsync(first));

        var retry = Request(tenant.Id, issued.ClientId, key);
        await middleware.InvokeAsync(retry);
        Assert.Equal(1, created);
        Assert.Equal(StatusCodes.Status201Created, retry.Response.StatusCode);
        Assert.Equal("""{"id":"stored-once"}""", Encoding.UTF8.GetString(((MemoryStream)retry.Response.Body).ToArray()));
    }

    [Fact]
    public async Task A_claim_left_pending_by_a_server_that_died_is_taken_over_by_a_retry_after_the_lease()
    {
        var issued = await fixture.Host.AddClientAsync("dood-" + Guid.NewGuid().ToString("N")[..8]);
        var tenant = await fixture.Host.FindTenantAsync(issued.TenantSlug);
        var services = fixture.Host.Services;
        var clock = new ShiftedClock();
        var runs = 0;
        var firstNeverEnds = new TaskCompletionSource();
        var middleware = new IdempotencyMiddleware(
            async context =>
            {
                if (Interlocked.Increment(ref runs) == 1)
                {
                    // The first attempt's server is killed here: it never completes nor releases its claim.
                    await firstNeverEnds.Task;
                }

                context.Response.StatusCode = StatusCodes.Status201Created;
                await context.Response.WriteAsync("created", context.RequestAborted);
            },
            services.GetRequiredService<IdempotencyRepository>(),
            clock,
            services.GetRequiredService<KeyRing>(),
            services.GetRequiredService<IdempotencySettings>());
        var key = Guid.NewGuid().ToString();
        var killed = middleware.InvokeAsync(Request(tenant!.Id, issued.ClientId, key));
        try
        {
            while (Volatile.Read(ref runs) == 0)
            {
                await Task.Delay(10, TestContext.Current.CancellationToken);
            }

            var early = Request(tenant.Id, issued.ClientId, key);
            await middleware.InvokeAsync(early);
            Assert.Equal(StatusCodes.Status409Conflict, early.Response.StatusCode);

            clock.Shift = IdempotencyMiddleware.PendingLease + TimeSpan.FromSeconds(1);
            var late = Request(tenant.Id, issued.ClientId, key);
            await middleware.InvokeAsync(late);
            Assert.Equal(StatusCodes.Status201Created, late.Response.StatusCode);
            Assert.Equal(2, runs);

            var replayed = Request(tenant.Id, issued.ClientId, key);
            await middleware.InvokeAsync(replayed);
            Assert.Equal("true", replayed.Response.Headers["Idempotent-Replayed"].ToString());
            Assert.Equal(2, runs);
        }
        finally
        {
            firstNeverEnds.TrySetResult();
            await Record.ExceptionAsync(() => killed);
        }
    }

    private static DefaultHttpContext Request(Guid tenantId, string clientId, string key)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Post;
        context.Request.Path = "/api/v1/organisations";
        context.Request.ContentType = "application/json";
        context.Request.Body = new MemoryStream("""{"name":"Gemeente Weg"}"""u8.ToArray());
        context.Request.Headers[IdempotencyMiddleware.Header] = key;
        context.Response.Body = new MemoryStream();
        context.User = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimNames.TenantId, tenantId.ToString()), new Claim(ClaimNames.ClientId, clientId)], "test"));
        context.SetEndpoint(new Endpoint(null, new EndpointMetadataCollection(new IdempotentAttribute()), "createOrganisation"));
        return context;
    }

    private async Task<HttpClient> ClientOfNewTenantAsync()
    {
        var client = await fixture.Host.AddClientAsync("idem-" + Guid.NewGuid().ToString("N")[..8]);
        return fixture.Host.CreateHttpClient(client);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, string key, string name)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/organisations")
        {
            Content = new StringContent($$"""{"name":"{{name}}","kind":"municipality","inhabitants":12000}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(IdempotencyMiddleware.Header, key);
        return await http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static async Task<Guid> IdOfAsync(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return body.RootElement.GetProperty("id").GetGuid();
    }

    private static async Task<List<Guid>> OrganisationIdsAsync(HttpClient http)
    {
        using var list = await http.GetAsync(new Uri("/api/v1/organisations?limit=100", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        using var page = JsonDocument.Parse(await list.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return page.RootElement.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("id").GetGuid()).ToList();
    }
}
