using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Datawijs.Tests.Shared;

namespace Datawijs.Api.Tests.Hardening;

/// <summary>
/// Walks the contract and sends seeded hostile requests to every operation: wrong types,
/// missing and extra fields, huge strings and arrays, deep nesting, invalid JSON and encodings,
/// wrong content types, oversized bodies, injection strings, odd path parameters, boundary
/// numbers. Pass: no 5xx, every 4xx is problem+json, and the server stays live.
/// </summary>
public sealed class ContractFuzzTests
{
    public const int Seed = 20261123;
    public const int MinimumRequests = 5000;

    private static readonly string[] HostileStrings =
    [
        "", " ", "null", "-1", "0", "9999999999999999999999", "1e309", "NaN", "true", "[]", "{}",
        "' OR '1'='1' --", "1; DROP TABLE organisations; --", "<script>alert(1)</script>", "${jndi:ldap://x/a}",
        "../../../../etc/passwd", "%00", "\u0000", "\u202e\u0000\uffff", "😀😀😀", "Ā̴̡̛ͅ", new string('a', 5000),
        "00000000-0000-0000-0000-000000000000", "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF", "0195d6a8c1a47c2f9f3a5e6b7c8d9e0f",
        "{{7*7}}", "\r\nX-Injected: 1", "\\u0000",
    ];

    private static readonly JsonNode?[] HostileValues =
    [
        null, true, false, 0, -1, int.MaxValue, long.MinValue, 1e308, -1e308, 0.1, "", "x", new string('z', 100_000),
        new JsonArray(), new JsonArray(1, 2, 3), new JsonObject(), new JsonObject { ["nested"] = new JsonObject { ["deeper"] = 1 } },
        "' OR 1=1 --", "<img src=x onerror=alert(1)>", "2026-13-45T99:99:99Z", "not-a-uuid",
    ];

    [Fact]
    public async Task Hostile_requests_to_every_operation_never_get_a_5xx_and_every_4xx_is_problem_json()
    {
        await using var host = await TestApiHost.StartAsync();
        var client = await host.AddClientAsync("fuzz");
        using var http = host.CreateHttpClient(client);

        var operations = Contract.Operations;
        var perOperation = (int)Math.Ceiling(MinimumRequests / (double)operations.Count);
        var failures = new List<string>();
        var sent = 0;
        for (var o = 0; o < operations.Count; o++)
        {
            var operation = operations[o];
            var random = new Random(Seed + o);
            for (var i = 0; i < perOperation; i++)
            {
                using var request = Build(operation, random, out var mutation);
                if (operation.IsCitizen)
                {
                    // The citizen operations take a citizen's token; a client token would stop every request at the door.
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", host.Broker.Token("fuzz", "999990019"));
                }

                using var response = await http.SendAsync(request);
                sent++;
                var status = (int)response.StatusCode;
                if (status >= 500)
                {
                    failures.Add($"{status} {operation} [{mutation}] {Truncate(await response.Content.ReadAsStringAsync())}");
                }
                else if (status >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                {
                    failures.Add($"{status} without problem+json: {operation} [{mutation}]");
                }
            }
        }

        using var live = await http.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.True(sent >= MinimumRequests, $"sent {sent}");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} requests failed the rules:\n" + string.Join("\n", failures.Take(25)));
    }

    private static HttpRequestMessage Build(Contract.Operation operation, Random random, out string mutation)
    {
        var kind = random.Next(10);
        mutation = kind.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var path = operation.PathTemplate;
        foreach (var parameter in operation.Parameters("path"))
        {
            var name = parameter["name"]!.GetValue<string>();
            var value = kind is 0 or 1 ? HostileStrings[random.Next(HostileStrings.Length)] : Guid.NewGuid().ToString();

            // The test server's client refuses NUL in a path before sending (Kestrel answers 400).
            value = value.Replace("\u0000", "", StringComparison.Ordinal).Replace("%00", "", StringComparison.Ordinal);
            path = path.Replace("{" + name + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
        }

        var query = new List<string>();
        foreach (var parameter in operation.Parameters("query"))
        {
            if (random.Next(2) == 0)
            {
                var value = kind is 2 or 3 ? HostileStrings[random.Next(HostileStrings.Length)] : random.Next(1, 20).ToString(System.Globalization.CultureInfo.InvariantCulture);
                query.Add(parameter["name"]!.GetValue<string>() + "=" + Uri.EscapeDataString(value));
            }
        }

        if (kind == 3)
        {
            query.Add("unexpected=" + Uri.EscapeDataString(HostileStrings[random.Next(HostileStrings.Length)]));
        }

        var request = new HttpRequestMessage(new HttpMethod(operation.Method), path + (query.Count > 0 ? "?" + string.Join('&', query) : ""));
        foreach (var parameter in operation.Parameters("header"))
        {
            var value = HostileStrings[random.Next(HostileStrings.Length)].Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal).Replace("\u0000", "", StringComparison.Ordinal);
            request.Headers.TryAddWithoutValidation(parameter["name"]!.GetValue<string>(), value.Length > 0 ? value : "k");
        }

        if (random.Next(4) == 0)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", random.Next(2) == 0 ? "en" : "xx-INVALID;q=abc");
        }

        var schema = operation.JsonBodySchema;
        if (schema is null && operation.Method is "GET" or "DELETE")
        {
            return request;
        }

        (request.Content, var bodyMutation) = Body(schema, random, kind);
        mutation += "/" + bodyMutation;
        return request;
    }

    private static (HttpContent Content, string Mutation) Body(JsonNode? schema, Random random, int kind)
    {
        var sample = schema is null ? new JsonObject() : Contract.Sample(schema, random) ?? new JsonObject();
        switch (random.Next(12))
        {
            case 0:
                return (Json("{\"unterminated\": [1, 2"), "invalid-json");
            case 1:
                return (new ByteArrayContent([0xC3, 0x28, 0xA0, 0xA1, 0xFF, 0xFE]) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } }, "invalid-utf8");
            case 2:
                return (new StringContent(sample.ToJsonString(), Encoding.UTF8, random.Next(2) == 0 ? "text/plain" : "application/xml"), "wrong-content-type");
            case 3:
                return (Json(new string('[', 200) + new string(']', 200)), "deep-array");
            case 4:
                var deep = new StringBuilder();
                for (var i = 0; i < 100; i++)
                {
                    deep.Append("{\"a\":");
                }

                deep.Append('1').Append('}', 100);
                return (Json(deep.ToString()), "deep-object");
            case 5:
                return (Json("{\"name\":\"" + new string('x', 2 * 1024 * 1024) + "\"}"), "oversized");
            case 6:
                return (Json(""), "empty");
            default:
                break;
        }

        if (sample is JsonObject obj && obj.Count > 0)
        {
            var keys = obj.Select(p => p.Key).ToList();
            var key = keys[random.Next(keys.Count)];
            switch (random.Next(4))
            {
                case 0:
                    obj[key] = HostileValues[random.Next(HostileValues.Length)]?.DeepClone();
                    return (Json(obj.ToJsonString()), "wrong-type:" + key);
                case 1:
                    obj.Remove(key);
                    return (Json(obj.ToJsonString()), "missing:" + key);
                case 2:
                    obj["extra" + random.Next(100)] = "unexpected";
                    return (Json(obj.ToJsonString()), "extra-field");
                default:
                    obj[key] = new JsonArray(Enumerable.Range(0, 10_000).Select(i => (JsonNode?)JsonValue.Create(i)).ToArray());
                    return (Json(obj.ToJsonString()), "huge-array:" + key);
            }
        }

        return (Json(kind % 2 == 0 ? "[]" : "\"just a string\""), "wrong-root");
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static string Truncate(string text) => text.Length > 300 ? text[..300] : text;
}
