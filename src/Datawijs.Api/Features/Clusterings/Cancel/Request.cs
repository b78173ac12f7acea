namespace Datawijs.Api.Features.Clusterings.Cancel;

public sealed class Request
{
    public Guid Id { get; set; }
}
