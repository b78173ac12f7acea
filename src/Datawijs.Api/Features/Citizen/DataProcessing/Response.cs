namespace Datawijs.Api.Features.Citizen.DataProcessing;

/// <summary>What the citizen needs to know about the use of their data, in plain language (Dutch B1 or English).</summary>
public sealed class Response
{
    /// <summary>nl or en.</summary>
    [Datawijs.Api.OpenApi.WireValues("nl", "en")]
    public string Language { get; init; } = "nl";

    /// <summary>The organisation (tenant) responsible.</summary>
    public string Organisation { get; init; } = "";

    public string MayLookText { get; init; } = "";

    /// <summary>Who *may* look: the applications of the organisation and what each may use the data for (by name; the access log shows who did).</summary>
    public IReadOnlyList<AllowedApplication> MayLook { get; init; } = [];

    public string DatasetsText { get; init; } = "";

    /// <summary>The datasets that hold a record of the citizen (found by pseudonym now), with purpose and retention.</summary>
    public IReadOnlyList<CitizenDataset> Datasets { get; init; } = [];

    /// <summary>True when an upheld "I don't want this" keeps the citizen's records out of every new clustering.</summary>
    public bool ExcludedFromNewClusterings { get; init; }

    /// <summary>What happens to the citizen's data when groups (profiles) are made, in words.</summary>
    public string ClusteringText { get; init; } = "";

    /// <summary>The list of all published profiles, and that a profile is not the truth about a person.</summary>
    public ProfilesNotice Profiles { get; init; } = new();
}
