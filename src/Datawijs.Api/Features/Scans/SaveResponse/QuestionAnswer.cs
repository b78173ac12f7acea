namespace Datawijs.Api.Features.Scans.SaveResponse;

/// <summary>An answer: a value 1–5, or notApplicable true (leaves the question out of the score).</summary>
public sealed class QuestionAnswer
{
    public string? QuestionId { get; set; }

    /// <summary>1 to 5; leave out when notApplicable is true.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 5)]
    public int? Value { get; set; }

    /// <summary>True when the question does not apply to the organisation.</summary>
    public bool? NotApplicable { get; set; }
}
