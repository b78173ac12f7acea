using Datawijs.Domain.Maturity;
using FluentValidation;

namespace Datawijs.Api.Features.Scans;

/// <summary>Peer groups and tiers as the API names them; the benchmarks come from <see cref="StoredScores"/>.</summary>
public static class Benchmarking
{
    public static OrganisationKind KindOf(string kind) => kind switch
    {
        "municipality" => OrganisationKind.Municipality,
        "department" => OrganisationKind.Department,
        "partner" => OrganisationKind.Partner,
        _ => OrganisationKind.Other,
    };

    public static string TierId(PeerTier tier) => tier switch
    {
        PeerTier.Followers => "followers",
        PeerTier.MiddleGroup => "middle-group",
        _ => "leaders",
    };

    /// <summary>The ids a <c>group</c> parameter accepts, for the 400 message.</summary>
    public const string GroupIdsDescription = "all, kind:{municipality|department|partner|other} or size:{lt-5k|5k-10k|10k-20k|20k-50k|50k-100k|100k-150k|150k-250k|gte-250k}";

    public static IRuleBuilderOptions<T, string?> IsPeerGroup<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(g => g is null || PeerGroup.Find(g) is not null)
            .WithErrorCode("unknown-peer-group")
            .WithMessage("'{PropertyName}' must be " + GroupIdsDescription + ".");
}
