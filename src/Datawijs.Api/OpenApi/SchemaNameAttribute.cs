namespace Datawijs.Api.OpenApi;

/// <summary>
/// The contract's name for a slice's own <c>Response</c> type whose schema was named before the slice had
/// one (e.g. <c>DatasetList</c>), so that giving the slice its Response.cs does not rename the schema.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class SchemaNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
