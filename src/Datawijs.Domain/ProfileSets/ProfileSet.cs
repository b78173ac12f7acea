using Datawijs.Domain.Clustering;
using Datawijs.Domain.Disclosure;

namespace Datawijs.Domain.ProfileSets;

/// <summary>
/// A set of profiles made from one clustering, through its life: a draft is named and described, then
/// published through the disclosure gate when nothing blocks it, and in the end retired. Every figure of the
/// set is seen only through the gate; the exact <see cref="Description"/> is internal.
/// </summary>
public sealed class ProfileSet
{
    private readonly DisclosureRules rules;
    private DisclosureOutcome? disclosure;

    public ProfileSet(Guid id, ProfileSetState state, ProfileSetDescription description, IReadOnlyList<Profile> profiles, DisclosureRules? rules = null)
    {
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(profiles);
        Id = id;
        State = state;
        Description = description;
        Profiles = profiles.OrderBy(p => p.Cluster).ToList();
        this.rules = rules ?? DisclosureRules.Default;
    }

    public Guid Id { get; }

    public ProfileSetState State { get; }

    /// <summary>The exact description of the clustering's profiles (internal: every view of it goes through the gate).</summary>
    public ProfileSetDescription Description { get; }

    /// <summary>The profiles in the order of the clustering.</summary>
    public IReadOnlyList<Profile> Profiles { get; }

    /// <summary>The disclosure gate's outcome for the set: what may be shown, and why the rest is withheld.</summary>
    public DisclosureOutcome Disclosure => disclosure ??= DisclosureGate.Apply(Description, rules);

    /// <summary>
    /// What keeps the set from publication now: its own blockers (see <see cref="PublicationBlockers"/>) and
    /// those of <paramref name="findings"/>. Empty for a set that is not a draft: it is past publication.
    /// </summary>
    public IReadOnlyList<PublicationBlocker> Blockers(PublicationFindings? findings = null)
    {
        if (State != ProfileSetState.Draft)
        {
            return [];
        }

        var own = PublicationBlockers.Of(Disclosure.Report, Profiles);
        return findings is null ? own : [.. own, .. PublicationBlockers.Of(findings, Profiles, Description.Features)];
    }

    /// <summary>
    /// Publication: only a draft, only when nothing blocks it, and only what the disclosure gate lets through.
    /// Publishing it retires the tenant's previously published set (one is public at a time).
    /// </summary>
    public PublicationDecision Publish(PublicationFindings findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        if (State != ProfileSetState.Draft)
        {
            return new PublicationDecision(PublicationOutcome.NotDraft, [], null);
        }

        var blockers = Blockers(findings);
        return blockers.Count > 0 || Disclosure.ProfileSet is null
            ? new PublicationDecision(PublicationOutcome.Blocked, blockers, null)
            : new PublicationDecision(PublicationOutcome.Publishable, [], Disclosure.ProfileSet);
    }

    /// <summary>Retirement: a draft or a published set can be retired, once.</summary>
    public RetirementOutcome Retire() => State == ProfileSetState.Retired ? RetirementOutcome.AlreadyRetired : RetirementOutcome.Retired;

    /// <summary>What publishing the set at <paramref name="at"/> would show, with the exact counts behind it, to compare later publications with.</summary>
    public PublicationRecord PublicationRecord(DateTimeOffset at) => PublicationDifferencing.Record(Id, at, Description, Disclosure.Report);

    /// <summary>
    /// The figures of <paramref name="candidate"/> that differ from the same figure of an earlier publication of
    /// the dataset by 1 to 9 households. Only a set the gate lets through is compared: one it blocks shows nothing.
    /// </summary>
    public IReadOnlyList<DifferenceFinding> DifferencesWith(PublicationRecord candidate, IEnumerable<PublicationRecord> earlier)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(earlier);
        return Disclosure.Report.Publishable ? PublicationDifferencing.Check(candidate, earlier, rules) : [];
    }
}
