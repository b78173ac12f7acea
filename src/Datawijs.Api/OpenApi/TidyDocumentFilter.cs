using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Datawijs.Api.OpenApi;

/// <summary>Drops schemas no operation uses (the DTOs of GET operations) and orders the document.</summary>
public sealed class TidyDocumentFilter : IDocumentFilter
{
    private static readonly Dictionary<string, string> TagDescriptions = new()
    {
        ["Benchmarks"] = "Anonymised peer benchmarks of maturity scans across the installation; small groups are withheld.",
        ["Clusterings"] = "k-prototypes clustering jobs on a dataset: queued, run by a background worker, with progress and quality per k.",
        ["Datasets"] = "Pseudonymised household records with declared features, purpose and retention date; CSV or NDJSON uploads.",
        ["Health"] = "Liveness and readiness for orchestrators and load balancers (no authentication).",
        ["Maturity models"] = "The versioned maturity questionnaires (full and quick), in Dutch and English.",
        ["Organisations"] = "Organisations that run maturity scans, with the attributes that form their peer groups.",
        ["Scans"] = "Maturity scans: respondents' answers, completion, stored scores, advice, radar chart, history and bulk pull.",
        ["Profile sets"] = "Profile sets made from a clustering: drafts seen only through the disclosure gate, naming, publication and retirement.",
        ["Public profiles"] = "The published profiles of a tenant and how they were made (no authentication).",
        ["Assignments"] = "Which profile fits a client, as advice for a person who decides: explanation, counterfactuals, the case worker's decision.",
        ["Objections"] = "Citizens' objections (\u201cthis is not me\u201d, \u201cI don't want this\u201d) for case workers to review.",
        ["Citizen portal"] = "For a municipal portal after the citizen logged in: their explanation, their access log, objections. The identifier travels in the body.",
        ["Public"] = "Unauthenticated and CORS-open: the algorithm's description in the fields of the national Algoritmeregister.",
    };

    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(swaggerDoc);
        ArgumentNullException.ThrowIfNull(context);
        var schemas = swaggerDoc.Components?.Schemas;
        if (schemas is null)
        {
            return;
        }

        // Serialise once and keep only schemas reachable from the paths.
        var used = new HashSet<string>();
        var pending = new Queue<string>();
        var pathsJson = Serialize(swaggerDoc.Paths);
        foreach (var id in Referenced(pathsJson))
        {
            if (used.Add(id))
            {
                pending.Enqueue(id);
            }
        }

        while (pending.Count > 0)
        {
            var id = pending.Dequeue();
            if (!schemas.TryGetValue(id, out var schema))
            {
                continue;
            }

            foreach (var child in Referenced(Serialize(schema)))
            {
                if (used.Add(child))
                {
                    pending.Enqueue(child);
                }
            }
        }

        foreach (var id in schemas.Keys.Where(k => !used.Contains(k)).ToList())
        {
            schemas.Remove(id);
        }

        var ordered = schemas.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList();
        schemas.Clear();
        foreach (var (key, value) in ordered)
        {
            schemas[key] = value;
        }

        // Document tags are the operations' tags (not the application name Swashbuckle defaults to).
        var tags = swaggerDoc.Paths.Values
            .SelectMany(p => p.Operations?.Values.AsEnumerable() ?? [])
            .SelectMany(o => o.Tags?.Select(t => t.Name) ?? [])
            .OfType<string>()
            .Distinct()
            .Order(StringComparer.Ordinal);
        swaggerDoc.Tags = tags.Select(name => new OpenApiTag { Name = name, Description = TagDescriptions.GetValueOrDefault(name) }).ToHashSet();
    }

    private static string Serialize(IOpenApiSerializable element)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        element.SerializeAsV3(new OpenApiJsonWriter(writer));
        return writer.ToString();
    }

    private static IEnumerable<string> Referenced(string json)
    {
        const string marker = "\"#/components/schemas/";
        var index = 0;
        while ((index = json.IndexOf(marker, index, StringComparison.Ordinal)) >= 0)
        {
            index += marker.Length;
            var end = json.IndexOf('"', index);
            yield return json[index..end];
            index = end;
        }
    }
}
