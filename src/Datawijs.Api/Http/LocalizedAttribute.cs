namespace Datawijs.Api.Http;

/// <summary>Marks an endpoint whose text follows Accept-Language (nl default, en); the contract shows the header.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class LocalizedAttribute : Attribute;
