namespace Datawijs.Api.Features.ProfileSets.Publish;

public sealed class Request
{
    public Guid Id { get; set; }
}
