namespace Datawijs.Data.Scans;

/// <summary>What became of a completion attempt.</summary>
public enum CompletionOutcome
{
    Completed,
    NotFound,
    AlreadyCompleted,
    NoRespondents,
}
