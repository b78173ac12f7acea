namespace Datawijs.Domain.Maturity;

/// <summary>How much work a step of advice takes, as the model judges it.</summary>
public enum AdviceEffort
{
    /// <summary>A few weeks of work for people already in place.</summary>
    Small = 1,

    /// <summary>A project of some months, with time set aside for it.</summary>
    Medium = 2,

    /// <summary>A programme of a year or more, with budget and new people or systems.</summary>
    Large = 3,
}
