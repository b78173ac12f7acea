namespace Datawijs.Domain.Maturity;

/// <summary>
/// A set of organisations to compare with. Ids are stable: <c>all</c>, <c>kind:municipality</c>,
/// <c>size:20k-50k</c>.
/// </summary>
public sealed record PeerGroup(string Id, PeerGroupDimension Dimension, OrganisationKind? Kind, MunicipalSizeClass? SizeClass, LocalizedText Name)
{
    public static PeerGroup All { get; } = new("all", PeerGroupDimension.All, null, null, new("Alle organisaties", "All organisations"));

    public static PeerGroup OfKind(OrganisationKind kind) => new(
        "kind:" + KindId(kind),
        PeerGroupDimension.OrganisationKind,
        kind,
        null,
        kind switch
        {
            OrganisationKind.Municipality => new("Gemeenten", "Municipalities"),
            OrganisationKind.Department => new("Afdelingen", "Departments"),
            OrganisationKind.Partner => new("Partnerorganisaties", "Partner organisations"),
            _ => new("Overige organisaties", "Other organisations"),
        });

    public static PeerGroup OfSizeClass(MunicipalSizeClass sizeClass)
    {
        ArgumentNullException.ThrowIfNull(sizeClass);
        return new("size:" + sizeClass.Id, PeerGroupDimension.SizeClass, null, sizeClass,
            new("Gemeenten met " + sizeClass.Name.Nl, "Municipalities with " + sizeClass.Name.En));
    }

    /// <summary>The groups an organisation is compared within: all, its kind and, when known, its size class.</summary>
    public static IReadOnlyList<PeerGroup> For(PeerOrganisation organisation)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        var groups = new List<PeerGroup> { All, OfKind(organisation.Kind) };
        if (organisation.SizeClass is { } sizeClass)
        {
            groups.Add(OfSizeClass(sizeClass));
        }

        return MaturityModel.Freeze(groups);
    }

    /// <summary>Parses a stable id back into a group; <c>null</c> for an unknown id.</summary>
    public static PeerGroup? Find(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (id == All.Id)
        {
            return All;
        }

        foreach (var kind in Enum.GetValues<OrganisationKind>())
        {
            if (id == "kind:" + KindId(kind))
            {
                return OfKind(kind);
            }
        }

        return id.StartsWith("size:", StringComparison.Ordinal) && MunicipalSizeClasses.Find(id["size:".Length..]) is { } sizeClass
            ? OfSizeClass(sizeClass)
            : null;
    }

    public bool Includes(PeerOrganisation organisation)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        return Dimension switch
        {
            PeerGroupDimension.OrganisationKind => organisation.Kind == Kind,
            PeerGroupDimension.SizeClass => organisation.SizeClass?.Id == SizeClass?.Id,
            _ => true,
        };
    }

    /// <summary>The lower-case id of a kind, as used in group ids and the API.</summary>
    public static string KindId(OrganisationKind kind) => kind switch
    {
        OrganisationKind.Municipality => "municipality",
        OrganisationKind.Department => "department",
        OrganisationKind.Partner => "partner",
        _ => "other",
    };
}
