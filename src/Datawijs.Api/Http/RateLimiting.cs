using System.Globalization;
using System.Threading.RateLimiting;
using Datawijs.Api.Auth;
using Datawijs.Api.Configuration;

namespace Datawijs.Api.Http;

public static class RateLimiting
{
    /// <summary>A token bucket per client (per remote address when anonymous); 429 with Retry-After.</summary>
    public static IServiceCollection AddDatawijsRateLimiting(this IServiceCollection services, RateLimitingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.PermitsPerSecond == 0)
        {
            return services;
        }

        var permits = settings.PermitsPerSecond;
        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var partition = context.User.FindFirst(ClaimNames.ClientId)?.Value is { } clientId
                    ? "client:" + clientId
                    : "ip:" + context.Connection.RemoteIpAddress;
                return RateLimitPartition.GetTokenBucketLimiter(partition, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = permits,
                    TokensPerPeriod = permits,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            options.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
                    ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))
                    : 1;
                context.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                await Problems.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, "rate-limited",
                    $"More than {permits} requests per second from this client. Retry after {retryAfter} s.");
            };
        });
        return services;
    }
}
