namespace Datawijs.Api.Features.Organisations.Get;

public sealed class Request
{
    public Guid Id { get; set; }
}
