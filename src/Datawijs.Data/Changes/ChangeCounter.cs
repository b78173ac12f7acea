namespace Datawijs.Data.Changes;

/// <summary>One counter: raised with every change of a kind of data of a tenant.</summary>
public sealed record ChangeCounter(Guid TenantId, string Kind, long Version);
