namespace Datawijs.Api.Features.ProfileSets.Retire;

public sealed class Request
{
    public Guid Id { get; set; }
}
