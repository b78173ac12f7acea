using Datawijs.Api.Http;

namespace Datawijs.Api.Features.ProfileSets;

/// <summary>Why an outflow analysis cannot be made: the problem to answer with.</summary>
public sealed record OutflowRefusal(int Status, string Code, string Detail, IReadOnlyList<InvalidParam>? InvalidParams = null);
