using System.Net;
using System.Text.Json;
using Datawijs.Client;
using Refit;

namespace Datawijs.ClientGen.Tests;

/// <summary>The hand-written half of the client, on the generated types it serves.</summary>
public sealed class ClientRuntimeTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private static readonly JsonSerializerOptions WebWithoutNulls = new(Web) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    [Fact]
    public void A_value_the_api_added_later_reads_as_unknown_instead_of_failing_the_response()
    {
        var known = JsonSerializer.Deserialize<DecideAssignmentRequest>("""{"outcome":"deviates","reasoning":"x"}""", Web)!;
        var later = JsonSerializer.Deserialize<DecideAssignmentRequest>("""{"outcome":"postponed","reasoning":"x"}""", Web)!;

        Assert.Equal(AssignmentDecisionOutcome.Deviates, known.Outcome);
        Assert.Equal(AssignmentDecisionOutcome.Unknown, later.Outcome);
        Assert.Equal("x", later.Reasoning);
    }

    [Fact]
    public void Enums_are_written_by_their_wire_names_and_unknown_as_null()
    {
        Assert.Equal("""{"outcome":"follows","reasoning":"r"}""", JsonSerializer.Serialize(new DecideAssignmentRequest { Outcome = AssignmentDecisionOutcome.Follows, Reasoning = "r" }, Web));
        Assert.Equal("""{"outcome":null,"reasoning":"r"}""", JsonSerializer.Serialize(new DecideAssignmentRequest { Reasoning = "r" }, Web));
        Assert.Equal("""{"modelId":"dmm-quick-v1"}""", JsonSerializer.Serialize(new CreateScanRequest { ModelId = ModelId.DmmQuickV1 }, WebWithoutNulls));
    }

    [Fact]
    public void Feature_values_convert_from_text_numbers_and_booleans_and_round_trip_as_json_scalars()
    {
        var features = new Dictionary<string, FeatureValue> { ["housing"] = "rent", ["children"] = 2, ["income"] = 16_800.5m, ["owner"] = false };

        var json = JsonSerializer.Serialize(features, Web);
        var back = JsonSerializer.Deserialize<Dictionary<string, FeatureValue>>(json, Web)!;

        Assert.Equal("""{"housing":"rent","children":2,"income":16800.5,"owner":false}""", json);
        Assert.Equal(features, back);
        Assert.Equal("rent", back["housing"].AsText());
        Assert.Equal(2, back["children"].AsNumber());
        Assert.Throws<InvalidOperationException>(() => back["housing"].AsNumber());
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<FeatureValue>("""{"a":1}""", Web));
    }

    [Fact]
    public void The_token_is_signed_for_the_person_of_the_call_else_the_options()
    {
        var options = new DatawijsClientOptions { ClientId = "c", Secret = new string('s', 32), UserId = "default-user" };

        string Claims(ActingPerson? person)
        {
            var payload = ZgwTokenHandler.CreateToken(options, DateTimeOffset.UnixEpoch, person ?? ActingPerson.Current).Split('.')[1];
            return System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(payload));
        }

        Assert.Contains("\"user_id\":\"default-user\"", Claims(null), StringComparison.Ordinal);
        using (ActingPerson.Use(new ActingPerson("mw-042", "J. de Vries")))
        {
            Assert.Contains("\"user_id\":\"mw-042\"", Claims(null), StringComparison.Ordinal);
            Assert.Contains("\"user_representation\":\"J. de Vries\"", Claims(null), StringComparison.Ordinal);
        }

        Assert.Contains("\"user_id\":\"default-user\"", Claims(null), StringComparison.Ordinal);
    }

    [Fact]
    public async Task As_signs_each_call_for_its_person_while_the_client_and_its_proxies_are_shared()
    {
        var seen = new List<string>();
        using var handler = new Recorder(seen);
        var client = DatawijsClient.Create(new DatawijsClientOptions { ClientId = "c", Secret = new string('s', 32) }, handler);

        await client.As("mw-1").Health.GetLivenessAsync();
        await client.As("mw-2", "Twee").Health.GetLivenessAsync();
        await client.Health.GetLivenessAsync();

        Assert.Equal(["mw-1", "mw-2", "(none)"], seen);
        Assert.Same(client.Health, client.Health);
    }

    [Fact]
    public void The_next_cursor_is_read_from_the_link_header()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://localhost/api/v1/scores?limit=1");
        using var message = new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request };
        using var lastMessage = new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request };
        message.Headers.TryAddWithoutValidation("Link", "<http://localhost/api/v1/scores?limit=1&cursor=abc%3D%3D>; rel=\"next\"");
        using var response = new ApiResponse<string>(message, "", new RefitSettings());
        using var last = new ApiResponse<string>(lastMessage, "", new RefitSettings());

        Assert.Equal("abc==", CsvPager.NextCursor(response));
        Assert.Null(CsvPager.NextCursor(last));
    }

    private sealed class Recorder(List<string> seen) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var payload = request.Headers.Authorization!.Parameter!.Split('.')[1];
            using var claims = JsonDocument.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(payload));
            seen.Add(claims.RootElement.TryGetProperty("user_id", out var user) ? user.GetString()! : "(none)");
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"status":"live"}""", System.Text.Encoding.UTF8, "application/json") });
        }
    }
}
