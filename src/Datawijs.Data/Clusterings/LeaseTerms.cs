namespace Datawijs.Data.Clusterings;

/// <summary>Who claims a job and for how long: the instance's name, and the lease's length.</summary>
public sealed record LeaseTerms(string Owner, TimeSpan Length, int MaxAttempts);
