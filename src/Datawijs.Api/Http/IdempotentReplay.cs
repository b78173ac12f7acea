namespace Datawijs.Api.Http;

/// <summary>Set on a retry of a <see cref="IdempotentAttribute.ReplaysCurrentResource"/> POST: the resource its first attempt created.</summary>
public sealed record IdempotentReplay(string Location)
{
    public Guid? ResourceId => Guid.TryParse(Location[(Location.LastIndexOf('/') + 1)..], out var id) ? id : null;
}
