namespace Datawijs.Api.Features.Datasets;

/// <summary>How one value reads about the citizen: <c>statement</c>, a whole sentence; <c>condition</c>, the clause after "Als" / "If".</summary>
public sealed class ValuePhraseText
{
    public FeatureLabelText Statement { get; init; } = new();

    public FeatureLabelText Condition { get; init; } = new();
}
