using Datawijs.Domain;
using Datawijs.Domain.Maturity;

namespace Datawijs.Api.Features.MaturityModels.Views;

/// <summary>A questionnaire in the list: enough to pick one.</summary>
public sealed class MaturityModelSummary
{
    public string Id { get; init; } = "";

    public string Name { get; init; } = "";

    public string Description { get; init; } = "";

    /// <summary>full or quick (one question per category).</summary>
    [Datawijs.Api.OpenApi.WireValues("full", "quick")]
    public string Variant { get; init; } = "";

    public int Version { get; init; }

    public static MaturityModelSummary From(MaturityModel model, Language language)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new MaturityModelSummary
        {
            Id = model.Id,
            Name = model.Name.In(language),
            Description = model.Description.In(language),
            Variant = VariantId(model.Variant),
            Version = model.Version,
        };
    }

    public static string VariantId(ModelVariant variant) => variant == ModelVariant.Quick ? "quick" : "full";
}
