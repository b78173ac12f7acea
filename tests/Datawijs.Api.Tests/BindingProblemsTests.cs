using System.Text.Json;
using Datawijs.Api.Configuration;
using Datawijs.Api.Http;

namespace Datawijs.Api.Tests;

// The serializer's real exceptions, with the API's own options, so a change in their wording shows here.
public sealed class BindingProblemsTests
{
    private sealed class Item
    {
        public string? Label { get; set; }
    }

    private sealed class Body
    {
        public int? Count { get; set; }
        public double? Share { get; set; }
        public bool? Flag { get; set; }
        public Guid? Id { get; set; }
        public DateTimeOffset? At { get; set; }
        public List<Item>? Items { get; set; }
        public Dictionary<string, string>? Tags { get; set; }
    }

    private static (string Name, string Code, string Reason) Bind(string json)
    {
        var exception = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<Body>(json, JsonDefaults.Responses));
        var failure = BindingProblems.FromJsonException(exception);
        return (failure.PropertyName, failure.ErrorCode, failure.ErrorMessage);
    }

    [Theory]
    [InlineData("""{"count":"3"}""", "$.count", "'count' must be a whole number.")]
    [InlineData("""{"count":3.5}""", "$.count", "'count' must be a whole number in range.")]
    [InlineData("""{"share":"0.5"}""", "$.share", "'share' must be a number.")]
    [InlineData("""{"flag":1}""", "$.flag", "'flag' must be true or false.")]
    [InlineData("""{"id":"nope"}""", "$.id", "'id' must be a UUID.")]
    [InlineData("""{"at":"yesterday"}""", "$.at", "'at' must be an RFC 3339 date-time.")]
    [InlineData("""{"items":{}}""", "$.items", "'items' must be an array.")]
    [InlineData("""{"tags":[]}""", "$.tags", "'tags' must be an object.")]
    [InlineData("""{"items":[{"label":5}]}""", "$.items[0].label", "'items[0].label' must be a string.")]
    [InlineData("""[]""", "$", "The body must be an object.")]
    public void A_value_of_the_wrong_type_says_what_it_must_be(string json, string name, string reason)
    {
        var (actualName, code, actualReason) = Bind(json);
        Assert.Equal(name, actualName);
        Assert.Equal(BindingProblems.WrongType, code);
        Assert.Equal(reason, actualReason);
    }

    [Fact]
    public void An_unknown_field_is_named_with_its_path()
    {
        var (name, code, reason) = Bind("""{"items":[{"label":"a","colour":"red"}]}""");
        Assert.Equal("$.items[0].colour", name);
        Assert.Equal(BindingProblems.UnknownField, code);
        Assert.Equal("'items[0].colour' is not a field of this request.", reason);
    }

    [Theory]
    [InlineData("""{"count":""", "line 1, byte 10")]
    [InlineData("{\n  \"count\": 1,\n  oops }", "line 3, byte 3")]
    public void A_body_that_is_not_json_says_where_it_breaks(string json, string where)
    {
        var (name, code, reason) = Bind(json);
        Assert.Equal("$", name);
        Assert.Equal(BindingProblems.InvalidJson, code);
        Assert.Equal($"The body is not valid JSON ({where}).", reason);
    }

    [Fact]
    public void A_route_or_query_value_is_described_by_its_type()
    {
        Assert.Equal("'limit' must be a whole number.", BindingProblems.FailureMessage(typeof(int?), "limit", "x"));
        Assert.Equal("'id' must be a UUID.", BindingProblems.FailureMessage(typeof(Guid), "id", "x"));
        Assert.Equal("'since' must be an RFC 3339 date-time.", BindingProblems.FailureMessage(typeof(DateTimeOffset?), "since", "x"));
    }
}
