namespace Datawijs.Api.Features.Citizen.DataProcessing;

public sealed class CitizenDataset
{
    public string Name { get; init; } = "";

    /// <summary>Why the data is processed.</summary>
    public string Purpose { get; init; } = "";

    /// <summary>The last day the records may be kept.</summary>
    public DateOnly RetentionUntil { get; init; }
}
