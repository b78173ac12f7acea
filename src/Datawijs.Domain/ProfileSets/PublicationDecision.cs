using Datawijs.Domain.Disclosure;

namespace Datawijs.Domain.ProfileSets;

/// <summary>
/// The answer to "publish this set": the outcome, what blocks it (empty unless blocked), and when publishable
/// the figures as the disclosure gate lets them be seen, which are what is frozen into the publication.
/// </summary>
public sealed record PublicationDecision(PublicationOutcome Outcome, IReadOnlyList<PublicationBlocker> Blockers, PublishedProfileSet? Published);
