namespace Datawijs.Api.Features.Citizen.DataProcessing;

public sealed class AllowedApplication
{
    /// <summary>The application's name (its registered name, else its client id; or the portal's name). Never a secret.</summary>
    public string Application { get; init; } = "";

    public IReadOnlyList<AllowedActivity> Activities { get; init; } = [];
}
