namespace Datawijs.Api.Features.Datasets.Create;

/// <summary>How one value reads in a sentence about the citizen: a whole sentence, and the clause after "Als" / "If" for counterfactuals.</summary>
public sealed class ValuePhraseInput
{
    /// <summary>A whole sentence in the present tense, ending in a full stop: "U krijgt jeugdzorg." / "You receive youth care.".</summary>
    public FeatureLabelInput? Statement { get; set; }

    /// <summary>The clause after "Als" / "If", without a full stop: "u jeugdzorg had gekregen" / "you had received youth care".</summary>
    public FeatureLabelInput? Condition { get; set; }
}
