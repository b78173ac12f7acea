namespace Datawijs.Api.Http;

/// <summary>Marks a creating POST that honours the Idempotency-Key header.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class IdempotentAttribute : Attribute
{
    /// <summary>
    /// For a creating POST that hands out a subject's data: a retry of one that answered 201 is answered
    /// by the endpoint from the created resource as it stands now (see <see cref="IdempotentReplay"/>),
    /// and its body is not kept. So a retry respects an objection or deletion made since, and is
    /// written to the access log like any other read.
    /// </summary>
    public bool ReplaysCurrentResource { get; init; }
}
