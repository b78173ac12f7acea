namespace Datawijs.Api.Features.Datasets.Delete;

public sealed class Request
{
    public Guid Id { get; set; }
}
