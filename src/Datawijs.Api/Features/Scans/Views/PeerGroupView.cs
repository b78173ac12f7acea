using Datawijs.Domain;
using Datawijs.Domain.Maturity;

namespace Datawijs.Api.Features.Scans.Views;

/// <summary>A peer group as shown in the API.</summary>
public sealed class PeerGroupView
{
    /// <summary>Stable id: all, kind:municipality, size:20k-50k, ...</summary>
    public string Id { get; init; } = "";

    public string Name { get; init; } = "";

    public static PeerGroupView From(PeerGroup group, Language language)
    {
        ArgumentNullException.ThrowIfNull(group);
        return new PeerGroupView { Id = group.Id, Name = group.Name.In(language) };
    }
}
