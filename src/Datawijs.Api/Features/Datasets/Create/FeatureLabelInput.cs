namespace Datawijs.Api.Features.Datasets.Create;

/// <summary>A label in Dutch (B1) and English: both required, each at most 100 characters of one-line plain text.</summary>
public sealed class FeatureLabelInput
{
    public string? Nl { get; set; }

    public string? En { get; set; }
}
