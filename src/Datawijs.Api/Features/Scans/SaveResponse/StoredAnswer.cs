namespace Datawijs.Api.Features.Scans.SaveResponse;

public sealed class StoredAnswer
{
    public string QuestionId { get; init; } = "";

    /// <summary>1 to 5; null when not applicable.</summary>
    public int? Value { get; init; }

    public bool NotApplicable { get; init; }
}
