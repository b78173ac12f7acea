namespace Datawijs.Api.Features.ProfileSets.UpdateProfile;

/// <summary>A text in Dutch and English; a language left out stays as it is.</summary>
public sealed class ProfileTextInput
{
    public string? Nl { get; set; }

    public string? En { get; set; }
}
