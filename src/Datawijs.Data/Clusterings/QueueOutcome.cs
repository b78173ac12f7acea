namespace Datawijs.Data.Clusterings;

/// <summary>Whether a clustering was queued.</summary>
public enum QueueOutcome
{
    Queued,
    DatasetNotFound,
    TenantLimitReached,
}
