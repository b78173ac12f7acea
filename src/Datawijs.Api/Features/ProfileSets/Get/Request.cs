namespace Datawijs.Api.Features.ProfileSets.Get;

public sealed class Request
{
    public Guid Id { get; set; }
}
