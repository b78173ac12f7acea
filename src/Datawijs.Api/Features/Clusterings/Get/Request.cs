namespace Datawijs.Api.Features.Clusterings.Get;

public sealed class Request
{
    public Guid Id { get; set; }
}
