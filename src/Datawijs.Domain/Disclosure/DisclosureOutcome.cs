namespace Datawijs.Domain.Disclosure;

/// <summary>The result of <see cref="DisclosureGate.Apply"/>: the report, and the view model only when publishable.</summary>
public sealed record DisclosureOutcome(DisclosureReport Report, PublishedProfileSet? ProfileSet);
