namespace Datawijs.Api.Features.Organisations;

public static class OrganisationKinds
{
    public static readonly IReadOnlyList<string> All = ["municipality", "department", "partner", "other"];
}
