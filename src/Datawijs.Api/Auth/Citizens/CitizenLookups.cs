using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Datawijs.Api.Auth.Citizens;

/// <summary>
/// No silent probing: a citizen lookup that finds nothing, and a refused citizen token, are logged
/// (never with the identifier) and counted per portal, so a portal that asks for many people who have no
/// data here stands out. The counts are the metrics <c>datawijs.citizen.lookups_without_data</c> and
/// <c>datawijs.citizen.tokens_refused</c> (meter <c>Datawijs.Citizens</c>), tagged with tenant and portal.
/// </summary>
public sealed class CitizenLookups
{
    public const string MeterName = "Datawijs.Citizens";

    private readonly Counter<long> _withoutData;
    private readonly Counter<long> _refused;
    private readonly ConcurrentDictionary<(string Tenant, string Portal), long> _counts = new();
    private readonly ILogger<CitizenLookups> _log;

    public CitizenLookups(IMeterFactory meters, ILogger<CitizenLookups> log)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _withoutData = meter.CreateCounter<long>("datawijs.citizen.lookups_without_data", description: "Citizen reads for a subject with nothing stored, per tenant and portal.");
        _refused = meter.CreateCounter<long>("datawijs.citizen.tokens_refused", description: "Citizen tokens refused after their signature was verified, per tenant.");
        _log = log;
    }

    /// <summary>A read for a subject of whom nothing is stored; <paramref name="what"/> names the endpoint.</summary>
    public void WithoutData(string tenant, string portal, string what)
    {
        _counts.AddOrUpdate((tenant, portal), 1, (_, n) => n + 1);
        _withoutData.Add(1, new KeyValuePair<string, object?>("tenant", tenant), new KeyValuePair<string, object?>("portal", portal));
        _log.LogWarning("Citizen lookup without data: {What} via portal {Portal} of tenant {Tenant} found nothing stored for the subject.", what, portal, tenant);
    }

    /// <summary>How many lookups without data this process counted for the portal.</summary>
    public long WithoutDataCount(string tenant, string portal) => _counts.GetValueOrDefault((tenant, portal));

    public void TokenRefused(CitizenIssuer issuer, string reason)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        _refused.Add(1, new KeyValuePair<string, object?>("tenant", issuer.Tenant));
        _log.LogWarning("Citizen token of issuer {Issuer} (tenant {Tenant}) refused: {Reason}.", issuer.Issuer, issuer.Tenant, reason);
    }
}
