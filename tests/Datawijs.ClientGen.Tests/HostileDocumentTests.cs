namespace Datawijs.ClientGen.Tests;

/// <summary>
/// A document written to break the generator: every name and text that reaches generated code carries quotes,
/// backslashes, line breaks, comment ends, markup or C# keywords, and several names collide once made C#.
/// </summary>
public sealed class HostileDocumentTests
{
    private const string Hostile = """
        {
          "openapi": "3.0.4",
          "info": { "title": "t\" */ evil", "version": "1" },
          "paths": {
            "/api/v1/th\"ings/{class}": {
              "post": {
                "tags": ["Th\"ings */ \n public"],
                "operationId": "class",
                "summary": "Ends the comment */ and the summary </summary> \n and the line\u2028 #error nope",
                "parameters": [
                  { "name": "class", "in": "path", "required": true, "schema": { "type": "string" } },
                  { "name": "body", "in": "query", "schema": { "type": "string" } },
                  { "name": "cancellationToken", "in": "query", "schema": { "type": "integer" } },
                  { "name": "a\"b\\c", "in": "query", "schema": { "type": "string" } },
                  { "name": "X-Evil\")] int x; //", "in": "header", "schema": { "type": "string" } },
                  { "name": "mode", "in": "query", "schema": { "type": "string", "enum": ["a\"b", "Unknown", "class", "", "1", "x y", "x-y", "\n"] } }
                ],
                "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/string" } } } },
                "responses": { "200": { "description": "OK", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Thing" } } } } }
              }
            },
            "/api/v1/things": {
              "get": {
                "tags": ["Th\"ings */ \n public"],
                "operationId": "class_",
                "responses": { "200": { "description": "OK", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/thing" } } } } }
              }
            }
          },
          "components": {
            "schemas": {
              "string": { "type": "object", "description": "*/ } class X { /*", "properties": {
                "na\"me": { "type": "string", "description": "a \"quoted\" <b>bold</b> & \r\n next line" },
                "class": { "type": "string" },
                "a-b": { "type": "integer" },
                "a_b": { "type": "integer" },
                "String": { "type": "boolean" },
                "1st": { "type": "number" },
                "value": { "description": "any scalar" },
                "": { "type": "string" } } },
              "Thing": { "type": "object", "required": ["kind"], "properties": {
                "kind": { "type": "string", "enum": ["notMe", "doNotWant"] },
                "type": { "type": "string", "enum": ["numeric", "categorical"] },
                "task": { "type": "string", "enum": ["a", "b"] },
                "thing": { "type": "string" } } },
              "thing": { "type": "object", "properties": { "x": { "type": "string" } } },
              "FeatureValue": { "type": "object", "properties": { "x": { "type": "string" } } },
              "1-class.enum": { "type": "string", "enum": ["one", "two"] }
            }
          }
        }
        """;

    [Fact]
    public void A_hostile_document_generates_code_that_compiles_without_one_error()
    {
        var files = RefitGenerator.Generate(Hostile, "Hostile");

        Assert.Empty(Compiler.Problems(files, "Hostile"));
    }

    [Fact]
    public void Wire_names_survive_as_exact_string_literals()
    {
        var files = RefitGenerator.Generate(Hostile, "Hostile");
        var contracts = files["Contracts.g.cs"];
        var api = Assert.Single(files, f => f.Key.StartsWith('I')).Value;

        Assert.Contains("[JsonPropertyName(\"na\\\"me\")]", contracts, StringComparison.Ordinal);
        Assert.Contains("[JsonPropertyName(\"\")]", contracts, StringComparison.Ordinal);
        Assert.Contains("[EnumMember(Value = \"a\\\"b\")]", contracts, StringComparison.Ordinal);
        Assert.Contains("[EnumMember(Value = \"\\n\")]", contracts, StringComparison.Ordinal);
        Assert.Contains("[Post(\"/api/v1/th\\\"ings/{class}\")]", api, StringComparison.Ordinal);
        Assert.Contains("[Header(\"X-Evil\\\")] int x; //\")]", api, StringComparison.Ordinal);
        Assert.Contains("[AliasAs(\"a\\\"b\\\\c\")][Query]", api, StringComparison.Ordinal);
    }

    [Fact]
    public void Colliding_names_get_distinct_identifiers_and_reserved_ones_a_suffix()
    {
        var files = RefitGenerator.Generate(Hostile, "Hostile");
        var contracts = files["Contracts.g.cs"];
        var api = Assert.Single(files, f => f.Key.StartsWith('I')).Value;

        Assert.Contains("public sealed record Thing\n", contracts, StringComparison.Ordinal);
        Assert.Contains("public sealed record Thing2\n", contracts, StringComparison.Ordinal);
        Assert.Contains("public sealed record FeatureValue2\n", contracts, StringComparison.Ordinal);
        Assert.Contains("public int? AB { get; init; }", contracts, StringComparison.Ordinal);
        Assert.Contains("public int? AB2 { get; init; }", contracts, StringComparison.Ordinal);
        Assert.Contains("public string? Thing2 { get; init; }", contracts, StringComparison.Ordinal);
        Assert.Contains("    Unknown = 0,", contracts, StringComparison.Ordinal);
        Assert.Contains("    Unknown2,", contracts, StringComparison.Ordinal);
        Assert.Contains("ClassAsync(string @class", api, StringComparison.Ordinal);
        Assert.Contains("Class2Async(", api, StringComparison.Ordinal);
        Assert.Contains("[AliasAs(\"body\")][Query] string? body2 = null", api, StringComparison.Ordinal);
    }

    [Fact]
    public void Texts_stay_inside_their_doc_comment()
    {
        var files = RefitGenerator.Generate(Hostile, "Hostile");

        foreach (var line in files.Values.SelectMany(f => f.Split('\n')))
        {
            Assert.DoesNotContain('\r', line);
            Assert.DoesNotContain('\u2028', line);
            Assert.False(line.TrimStart().StartsWith("#error", StringComparison.Ordinal), line);
        }

        Assert.Contains("/// <summary>a &quot;quoted&quot; &lt;b&gt;bold&lt;/b&gt; &amp;    next line</summary>", files["Contracts.g.cs"], StringComparison.Ordinal);
    }
}
