namespace Datawijs.Api.Features.Assignments.Get;

public sealed class Request
{
    public Guid Id { get; set; }
}
