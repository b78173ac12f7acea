using Datawijs.Api.Features.ProfileSets.Views;
using Datawijs.Data.ProfileSets;
using Datawijs.Domain.Disclosure;
using Datawijs.Domain.ProfileSets;

namespace Datawijs.Api.Features.ProfileSets;

/// <summary>
/// Publishing a draft profile set, the one way it is done (POST /profile-sets/{id}/publication and the
/// Development demo alike): run the checks beyond the gate, let the lifecycle decide, freeze the view the gate
/// lets through (with the coarsened outflow when the dataset has an outflow outcome), and store it together
/// with the publication's history row.
/// </summary>
public sealed class ProfileSetPublication(ProfileSetRepository profileSets, PublicationChecks checks, OutflowAnalysis outflow, TimeProvider clock)
{
    /// <summary>
    /// Publishes <paramref name="set"/> unless the lifecycle refuses. <paramref name="outflowStep"/>: the
    /// published outflow curves' step in duration units (null = 3 months). <c>Stored</c> is null when the
    /// lifecycle refused, else what storing it came to.
    /// </summary>
    public async Task<(PublicationDecision Decision, PublishOutcome? Stored)> PublishAsync(
        ProfileSetRow set, IReadOnlyList<ProfileRow> profiles, int? outflowStep, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(profiles);
        var lifecycle = ProfileSetRows.Lifecycle(set, profiles);
        var now = clock.GetUtcNow();
        var check = await checks.RunAsync(set, lifecycle, now, ct);
        var decision = lifecycle.Publish(check.Findings);
        if (decision.Published is not { } published)
        {
            return (decision, null);
        }

        var features = lifecycle.Description.Features;
        var view = ProfileSetViews.View(
            StoredJson.Read<MethodView>(set.Method), published, profiles, features, PublicationChecks.View(check, profiles, features), check.Residents);
        var (figures, _) = await outflow.RunAsync(set, profiles, OutflowAnalysis.ByProfile, withCox: false, ct);
        if (figures is not null)
        {
            // Only the coarsened, rounded form of the curves is frozen into what is published.
            view = new ProfileSetView
            {
                Method = view.Method, Population = view.Population, Profiles = view.Profiles, Fairness = view.Fairness, Residents = view.Residents,
                Outflow = PublishedOutflowView.From(figures, outflowStep ?? PublishedOutflow.DefaultStep(figures.Unit)),
            };
        }

        var stored = await profileSets.PublishAsync(
            set.TenantId, set.Id, StoredJson.Write(view), now, PublicationChecks.PublicationRow(set, check), check.EarlierPublications, ct);
        return (decision, stored);
    }
}
