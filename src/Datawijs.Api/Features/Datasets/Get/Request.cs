namespace Datawijs.Api.Features.Datasets.Get;

public sealed class Request
{
    public Guid Id { get; set; }
}
