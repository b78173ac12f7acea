namespace Datawijs.Api.Auth;

/// <summary>The scopes a client of a tenant can be given (README, "Tenants and clients").</summary>
public static class Scopes
{
    public const string ScansRead = "scans:read";
    public const string ScansWrite = "scans:write";
    public const string ProfilesManage = "profiles:manage";
    public const string AssignmentsWrite = "assignments:write";
    public const string ObjectionsReview = "objections:review";

    /// <summary>Stands for every scope when a client is created.</summary>
    public const string All = "*";

    public static readonly IReadOnlyList<string> Known =
    [
        ScansRead, ScansWrite, ProfilesManage, AssignmentsWrite, ObjectionsReview,
    ];

    /// <summary>
    /// Parses a comma- or space-separated list; "*" expands to every known scope.
    /// Returns the unknown names so a caller can refuse them.
    /// </summary>
    public static (IReadOnlyList<string> Scopes, IReadOnlyList<string> Unknown) Parse(string? list)
    {
        var names = (list ?? "").Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Contains(All))
        {
            return (Known, names.Where(n => n != All && !Known.Contains(n)).ToList());
        }

        var unknown = names.Where(n => !Known.Contains(n)).Distinct().ToList();
        var scopes = Known.Where(names.Contains).ToList();
        return (scopes, unknown);
    }
}
