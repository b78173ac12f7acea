namespace Datawijs.Domain.Disclosure;

/// <summary>What kind of figure was withheld.</summary>
public enum SuppressedItem
{
    Count,
    Median,
    Profile,
}
