namespace Datawijs.Api.Tests.Hardening;

/// <summary>A named state of the owner's resources: for each resource kind, the id a path or body uses.</summary>
public sealed record IsolationCase(string Name, IReadOnlyDictionary<string, string> Ids)
{
    public override string ToString() => Name;
}
