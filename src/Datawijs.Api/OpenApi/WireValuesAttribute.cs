namespace Datawijs.Api.OpenApi;

/// <summary>
/// A string property whose wire values are a fixed set: the contract shows it as an enum
/// (<c>type: string</c> + <c>enum</c>), so generated clients get a typed value. The wire values do not change.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class WireValuesAttribute(params string[] values) : Attribute
{
    public IReadOnlyList<string> Values { get; } = values;
}
