namespace Datawijs.Api.Features.Citizen.Explanation;

public sealed class HowProfilesWereMade
{
    public string Text { get; init; } = "";

    /// <summary>The public description of the algorithm (no login needed).</summary>
    public string Link { get; init; } = "";
}
