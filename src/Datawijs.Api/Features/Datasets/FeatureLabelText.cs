using Datawijs.Domain;

namespace Datawijs.Api.Features.Datasets;

/// <summary>A label of a feature or of one of its values, in Dutch (B1) and English.</summary>
public sealed class FeatureLabelText
{
    public string Nl { get; init; } = "";

    public string En { get; init; } = "";

    public LocalizedText ToDomain() => new(Nl, En);

    public static FeatureLabelText? From(LocalizedText? text) => text is null ? null : new FeatureLabelText { Nl = text.Nl, En = text.En };
}
