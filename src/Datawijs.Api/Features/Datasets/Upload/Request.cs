namespace Datawijs.Api.Features.Datasets.Upload;

public sealed class Request
{
    public Guid Id { get; set; }
}
