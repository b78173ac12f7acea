namespace Datawijs.Api.Features.ProfileSets.Views;

/// <summary>A text in Dutch (B1) and English.</summary>
public sealed class ProfileText
{
    public string? Nl { get; init; }

    public string? En { get; init; }
}
