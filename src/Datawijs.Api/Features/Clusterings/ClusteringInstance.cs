namespace Datawijs.Api.Features.Clusterings;

/// <summary>This process as the owner of job leases: its name is unique per start, so a restarted process does not mistake an old lease for its own.</summary>
public sealed class ClusteringInstance
{
    public string Owner { get; } = string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}");

    public Datawijs.Data.Clusterings.LeaseTerms Terms(ClusteringSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new(Owner, TimeSpan.FromSeconds(settings.LeaseSeconds), settings.MaxAttempts);
    }
}
