using System.Text.Json;
using Datawijs.Data.Datasets;
using Datawijs.Domain.Datasets;

namespace Datawijs.Api.Features.Datasets;

/// <summary>A dataset of pseudonymised household records.</summary>
public sealed class Dataset
{
    public Guid Id { get; init; }

    public string Name { get; init; } = "";

    public string Purpose { get; init; } = "";

    public IReadOnlyList<DatasetFeature> Features { get; init; } = [];

    /// <summary>The unit of the outflow outcome's duration (months, weeks or days); null when the dataset declares no outflow outcome.</summary>
    [Datawijs.Api.OpenApi.WireValues("months", "weeks", "days")]
    public string? DurationUnit { get; init; }

    /// <summary>bsn (digits, nine with leading zeros, eleven-test) or other (trimmed, lower-cased): how uploaded subject ids are put in one form.</summary>
    [Datawijs.Api.OpenApi.WireValues("bsn", "other")]
    public string SubjectIdKind { get; init; } = "bsn";

    /// <summary>The last day the records may be kept; afterwards the dataset is deleted with everything made from it.</summary>
    public DateOnly RetentionUntil { get; init; }

    /// <summary>The number of records stored (exact: for the data owner).</summary>
    public long RecordCount { get; init; }

    /// <summary>Null until records are uploaded.</summary>
    public DataQuality? Quality { get; init; }

    /// <summary>All households of the municipality, as given with PUT …/reference-population; null until then.</summary>
    public ReferencePopulationView? ReferencePopulation { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public static Dataset From(DatasetRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var features = StoredJson.Features(row.Features);
        return new Dataset
        {
            Id = row.Id,
            Name = row.Name,
            Purpose = row.Purpose,
            Features = features.Select(DatasetFeature.From).ToList(),
            DurationUnit = features.FirstOrDefault(f => f.Role == FeatureRole.Duration)?.DurationUnit is { } unit ? FeatureNames.Of(unit) : null,
            SubjectIdKind = row.SubjectIdKind,
            RetentionUntil = DateOnly.FromDateTime(row.RetentionUntil.UtcDateTime),
            RecordCount = row.RecordCount,
            Quality = row.Quality is null ? null : JsonSerializer.Deserialize<DataQuality>(row.Quality, StoredJson.Options),
            ReferencePopulation = row.ReferencePopulation is null ? null : ReferencePopulationView.From(StoredJson.Read<ReferencePopulation>(row.ReferencePopulation), row.RecordCount),
            CreatedAt = row.CreatedAt,
            UpdatedAt = row.UpdatedAt,
        };
    }
}
