namespace Datawijs.Api.OpenApi;

/// <summary>Readable, unique schema names: the slice's request types are named after their action.</summary>
public static class SchemaIds
{
    public static string For(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (type.IsGenericType)
        {
            return type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)] + string.Concat(type.GetGenericArguments().Select(For));
        }

        if (Attribute.GetCustomAttribute(type, typeof(SchemaNameAttribute)) is SchemaNameAttribute fixedName)
        {
            return fixedName.Name;
        }

        // Datawijs.Api.Features.<Area>.<Action>.Request -> <Action><Area>Request, e.g. CreateOrganisationsRequest.
        var ns = type.Namespace ?? "";
        if (type.Name is "Request" or "Response" && Named.TryGetValue(ns, out var named))
        {
            return named + type.Name;
        }

        if (type.Name is "Request" or "Response" && ns.Contains(".Features.", StringComparison.Ordinal))
        {
            var parts = ns.Split('.');
            var action = parts[^1];
            var area = parts[^2];
            return action + Singular(area) + type.Name;
        }

        return type.DeclaringType is { } outer ? For(outer) + type.Name : type.Name;
    }

    // Where <Action><Area> reads wrong (UpdateProfileProfileSet), the name the operation id uses.
    private static readonly Dictionary<string, string> Named = new(StringComparer.Ordinal)
    {
        ["Datawijs.Api.Features.ProfileSets.UpdateProfile"] = "UpdateProfile",
        ["Datawijs.Api.Features.ProfileSets.ReviewFairness"] = "ReviewProfileSetFairness",
        ["Datawijs.Api.Features.Objections.Create"] = "ObjectionCitizen",
        ["Datawijs.Api.Features.Scans.SaveResponse"] = "AnswerScan",
    };

    private static string Singular(string area) => area.EndsWith('s') ? area[..^1] : area;
}
