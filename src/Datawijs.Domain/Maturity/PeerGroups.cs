namespace Datawijs.Domain.Maturity;

/// <summary>What kind of organisation was scanned; one of the peer-group dimensions.</summary>
public enum OrganisationKind
{
    Municipality,
    Department,
    Partner,
    Other,
}

/// <summary>
/// A CBS municipal size class (gemeentegrootteklasse) by number of inhabitants:
/// <see cref="MinInhabitants"/> ≤ inhabitants &lt; <see cref="MaxInhabitantsExclusive"/> (no upper bound when null).
/// </summary>
public sealed record MunicipalSizeClass(string Id, int Order, int MinInhabitants, int? MaxInhabitantsExclusive, LocalizedText Name)
{
    public bool Contains(int inhabitants) =>
        inhabitants >= MinInhabitants && (MaxInhabitantsExclusive is not { } max || inhabitants < max);
}

/// <summary>The eight CBS size classes. Ids are stable: they are stored and appear in the API.</summary>
public static class MunicipalSizeClasses
{
    public static IReadOnlyList<MunicipalSizeClass> All { get; } = MaturityModel.Freeze(new MunicipalSizeClass[]
    {
        new("lt-5k", 1, 0, 5_000, new("minder dan 5.000 inwoners", "fewer than 5,000 inhabitants")),
        new("5k-10k", 2, 5_000, 10_000, new("5.000 tot 10.000 inwoners", "5,000 to 10,000 inhabitants")),
        new("10k-20k", 3, 10_000, 20_000, new("10.000 tot 20.000 inwoners", "10,000 to 20,000 inhabitants")),
        new("20k-50k", 4, 20_000, 50_000, new("20.000 tot 50.000 inwoners", "20,000 to 50,000 inhabitants")),
        new("50k-100k", 5, 50_000, 100_000, new("50.000 tot 100.000 inwoners", "50,000 to 100,000 inhabitants")),
        new("100k-150k", 6, 100_000, 150_000, new("100.000 tot 150.000 inwoners", "100,000 to 150,000 inhabitants")),
        new("150k-250k", 7, 150_000, 250_000, new("150.000 tot 250.000 inwoners", "150,000 to 250,000 inhabitants")),
        new("gte-250k", 8, 250_000, null, new("250.000 inwoners of meer", "250,000 inhabitants or more")),
    });

    /// <summary>The class of a number of inhabitants; a boundary value belongs to the higher class.</summary>
    public static MunicipalSizeClass For(int inhabitants)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(inhabitants);
        return All.First(c => c.Contains(inhabitants));
    }

    public static MunicipalSizeClass? Find(string id) =>
        All.FirstOrDefault(c => string.Equals(c.Id, id, StringComparison.Ordinal));
}

/// <summary>The attributes of an organisation that decide its peer groups.</summary>
/// <param name="Inhabitants">Inhabitants of the municipality the organisation serves; <c>null</c> when unknown.</param>
/// <param name="Owner">The tenant the organisation belongs to: a benchmark leaves the viewer's own organisations out and counts the others' tenants.</param>
public sealed record PeerOrganisation(string Id, OrganisationKind Kind, int? Inhabitants, string Owner)
{
    public MunicipalSizeClass? SizeClass => Inhabitants is { } n ? MunicipalSizeClasses.For(n) : null;
}

/// <summary>The dimension a peer group is drawn along.</summary>
public enum PeerGroupDimension
{
    All,
    OrganisationKind,
    SizeClass,
}

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
