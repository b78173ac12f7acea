using System.Security.Cryptography;
using Datawijs.Api.Auth;
using Datawijs.Data.Idempotency;
using Datawijs.Domain.Privacy;

namespace Datawijs.Api.Http;

/// <summary>
/// A creating POST sent with an Idempotency-Key is done once per client and key: a retry of
/// the same request gets the first response again (status, Location and body), a retry while
/// the first is still running gets 409, and the same key on a different request gets 422.
/// A first attempt that fails with 5xx releases the key so that it can be retried. A caller that
/// disconnects does not stop a request that claimed a key: its retry gets the outcome. A claim left
/// pending by a server that died mid-request is taken over by a retry after <see cref="PendingLease"/>.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next, IdempotencyRepository records, TimeProvider clock, KeyRing keys, IdempotencySettings settings)
{
    public const string Header = "Idempotency-Key";

    /// <summary>
    /// How long a claim may stay pending. Requests that claim a key take seconds; one pending longer
    /// was cut off by a crash or kill, and without a lease its retries would get 409 for ever.
    /// </summary>
    public static readonly TimeSpan PendingLease = TimeSpan.FromMinutes(2);

    private const int MaxKeyLength = 200;

    private readonly byte[] _hashKey = keys.Derive("idempotency/request-hash");

    public async Task InvokeAsync(HttpContext context)
    {
        var key = context.Request.Headers[Header].ToString();
        var idempotent = context.GetEndpoint()?.Metadata.GetMetadata<IdempotentAttribute>();
        if (string.IsNullOrEmpty(key)
            || !HttpMethods.IsPost(context.Request.Method)
            || idempotent is null
            || context.User.Identity?.IsAuthenticated != true)
        {
            await next(context);
            return;
        }

        if (key.Length > MaxKeyLength || key.Any(char.IsControl))
        {
            await Problems.WriteAsync(context, 400, "invalid-idempotency-key",
                $"The Idempotency-Key header must be at most {MaxKeyLength} printable characters.",
                [new InvalidParam(Header, "invalid", "At most 200 printable characters.")]);
            return;
        }

        var caller = context.Caller();
        context.Request.EnableBuffering();
        var hash = await HashRequestAsync(context, _hashKey);
        var claim = new IdempotencyRecord
        {
            TenantId = caller.TenantId,
            // A portal speaks for many citizens: a key is one citizen's, never replayed to another.
            ClientId = context.User.FindFirst(ClaimNames.SubjectPseudonym)?.Value is { } subject ? "citizen:" + subject : caller.ClientId,
            IdemKey = key,
            RequestHash = hash,
            CreatedAt = clock.GetUtcNow(),
        };

        var earlier = await records.BeginAsync(claim, claim.CreatedAt - PendingLease, claim.CreatedAt - settings.Retention, context.RequestAborted);
        if (earlier is not null)
        {
            await ReplayAsync(context, earlier, hash, idempotent.ReplaysCurrentResource);
            return;
        }

        var originalBody = context.Response.Body;
        await using var captured = new MemoryStream();
        context.Response.Body = captured;

        // Once the key is claimed the request runs to its end even if the caller goes away (the body is
        // already read): its outcome is recorded for the retry. Cancelled half-way, a resource could be
        // stored while the key is released, and the retry would store a second one.
        var callerGone = context.RequestAborted;
        context.RequestAborted = CancellationToken.None;
        var completed = false;
        try
        {
            await next(context);
            captured.Position = 0;
            if (context.Response.StatusCode < 500)
            {
                var location = context.Response.Headers.Location.ToString() is { Length: > 0 } created ? created : null;
                await records.CompleteAsync(new IdempotencyRecord
                {
                    TenantId = claim.TenantId,
                    ClientId = claim.ClientId,
                    IdemKey = claim.IdemKey,
                    StatusCode = context.Response.StatusCode,
                    Location = location,
                    ContentType = context.Response.ContentType,
                    Body = ReplayedByEndpoint(idempotent.ReplaysCurrentResource, context.Response.StatusCode, location) ? null : captured.ToArray(),
                }, CancellationToken.None);
                completed = true;
            }
        }
        finally
        {
            context.Response.Body = originalBody;
            context.RequestAborted = callerGone;
            if (!completed)
            {
                await records.AbandonAsync(claim, CancellationToken.None);
            }
        }

        captured.Position = 0;
        await captured.CopyToAsync(originalBody, context.RequestAborted);
    }

    private static bool ReplayedByEndpoint(bool replaysCurrentResource, int? status, string? location) =>
        replaysCurrentResource && status == StatusCodes.Status201Created && location is not null;

    private async Task ReplayAsync(HttpContext context, IdempotencyRecord earlier, string hash, bool replaysCurrentResource)
    {
        if (!string.Equals(earlier.RequestHash, hash, StringComparison.Ordinal))
        {
            await Problems.WriteAsync(context, StatusCodes.Status422UnprocessableEntity, "idempotency-key-reused",
                "This Idempotency-Key was used for a different request. Use a new key for a new request.");
            return;
        }

        if (earlier.StatusCode is null)
        {
            context.Response.Headers.RetryAfter = "1";
            await Problems.WriteAsync(context, StatusCodes.Status409Conflict, "idempotency-key-in-progress",
                "A request with this Idempotency-Key is still being handled. Retry shortly.");
            return;
        }

        context.Response.Headers["Idempotent-Replayed"] = "true";
        if (ReplayedByEndpoint(replaysCurrentResource, earlier.StatusCode, earlier.Location))
        {
            context.Features.Set(new IdempotentReplay(earlier.Location!));
            await next(context);
            return;
        }

        context.Response.StatusCode = earlier.StatusCode.Value;
        if (earlier.Location is not null)
        {
            context.Response.Headers.Location = earlier.Location;
        }

        if (earlier.ContentType is not null)
        {
            context.Response.ContentType = earlier.ContentType;
        }

        if (earlier.Body is { Length: > 0 } body)
        {
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        }
    }

    // Keyed: a body may hold a subject identifier (a BSN), and a plain hash of it stored in the
    // database could be reversed by trying every BSN. Without the master key that is not possible.
    private static async Task<string> HashRequestAsync(HttpContext context, byte[] key)
    {
        using var sha = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        sha.AppendData(System.Text.Encoding.UTF8.GetBytes(context.Request.Method + " " + context.Request.Path + "\n"));
        var buffer = new byte[8192];
        int read;
        while ((read = await context.Request.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
        {
            sha.AppendData(buffer, 0, read);
        }

        context.Request.Body.Position = 0;
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
