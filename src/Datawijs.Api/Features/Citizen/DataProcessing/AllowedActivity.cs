namespace Datawijs.Api.Features.Citizen.DataProcessing;

public sealed class AllowedActivity
{
    /// <summary>profile-advice, objection-handling, profile-making or citizen-access.</summary>
    [Datawijs.Api.OpenApi.WireValues("profile-advice", "objection-handling", "profile-making", "citizen-access")]
    public string Code { get; init; } = "";

    /// <summary>The processing activity in words.</summary>
    public string Name { get; init; } = "";
}
