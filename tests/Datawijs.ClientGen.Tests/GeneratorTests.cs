namespace Datawijs.ClientGen.Tests;

public sealed class GeneratorTests
{
    private static string Contract => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "openapi.json"));

    [Fact]
    public void Checked_in_client_is_what_the_generator_makes_from_the_checked_in_contract()
    {
        var generated = RefitGenerator.Generate(Contract);
        var folder = Path.Combine(AppContext.BaseDirectory, "Generated");
        var checkedIn = Directory.GetFiles(folder, "*.g.cs").ToDictionary(f => Path.GetFileName(f), File.ReadAllText);

        Assert.True(
            generated.Count == checkedIn.Count && generated.All(g => checkedIn.TryGetValue(g.Key, out var text) && text == g.Value),
            "src/Datawijs.Client/Generated differs from what openapi/openapi.json generates. Regenerate with: bash scripts/regenerate.sh");
    }

    [Fact]
    public void Operations_become_refit_methods_with_path_query_header_and_body_parameters()
    {
        const string contract = """
            {
              "openapi": "3.0.4",
              "info": { "title": "t", "version": "1" },
              "paths": {
                "/api/v1/things/{id}": {
                  "post": {
                    "tags": ["Things"],
                    "operationId": "renameThing",
                    "parameters": [
                      { "name": "id", "in": "path", "required": true, "schema": { "type": "string", "format": "uuid" } },
                      { "name": "dry-run", "in": "query", "schema": { "type": "boolean" } },
                      { "name": "Idempotency-Key", "in": "header", "schema": { "type": "string" } }
                    ],
                    "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Rename" } } } },
                    "responses": { "200": { "description": "OK", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Thing" } } } } }
                  }
                }
              },
              "components": {
                "schemas": {
                  "Rename": { "type": "object", "properties": { "name": { "type": "string", "nullable": true } } },
                  "Thing": { "type": "object", "required": ["id", "tags"], "properties": {
                    "id": { "type": "string", "format": "uuid" },
                    "tags": { "type": "array", "items": { "type": "string" } },
                    "at": { "type": "string", "format": "date-time", "nullable": true } } }
                }
              }
            }
            """;

        var files = RefitGenerator.Generate(contract);

        var api = files["IThingsApi.g.cs"];
        Assert.Contains("[Post(\"/api/v1/things/{id}\")]", api, StringComparison.Ordinal);
        Assert.Contains("Task<IApiResponse<Thing>> RenameThingAsync(Guid id, [Body] Rename body, [AliasAs(\"dry-run\")][Query] bool? dryRun = null, [Header(\"Idempotency-Key\")] string? idempotencyKey = null, CancellationToken cancellationToken = default);", api, StringComparison.Ordinal);
        var contracts = files["Contracts.g.cs"];
        Assert.Contains("public Guid Id { get; init; } = default!;", contracts, StringComparison.Ordinal);
        Assert.Contains("public IReadOnlyList<string> Tags { get; init; } = default!;", contracts, StringComparison.Ordinal);
        Assert.Contains("public DateTimeOffset? At { get; init; }", contracts, StringComparison.Ordinal);
        Assert.Contains("public string? Name { get; init; }", contracts, StringComparison.Ordinal);
        Assert.Contains("typeof(IThingsApi)", files["DatawijsClient.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void A_json_answer_also_offered_as_csv_gets_a_second_method_that_asks_for_csv()
    {
        const string contract = """
            {
              "openapi": "3.0.4",
              "info": { "title": "t", "version": "1" },
              "paths": {
                "/api/v1/rows": {
                  "get": {
                    "tags": ["Rows"],
                    "operationId": "listRows",
                    "parameters": [ { "name": "limit", "in": "query", "schema": { "type": "integer", "format": "int32" } } ],
                    "responses": { "200": { "description": "OK", "content": {
                      "application/json": { "schema": { "$ref": "#/components/schemas/RowList" } },
                      "text/csv": { "schema": { "type": "string" } } } } }
                  }
                }
              },
              "components": { "schemas": { "RowList": { "type": "object", "properties": { "next": { "type": "string", "nullable": true } } } } }
            }
            """;

        var api = RefitGenerator.Generate(contract)["IRowsApi.g.cs"];

        Assert.Contains("Task<IApiResponse<RowList>> ListRowsAsync([Query] int? limit = null, CancellationToken cancellationToken = default);", api, StringComparison.Ordinal);
        Assert.Contains("[Headers(\"Accept: text/csv\")]\n    Task<IApiResponse<string>> ListRowsAsCsvAsync([Query] int? limit = null, CancellationToken cancellationToken = default);", api, StringComparison.Ordinal);
    }

    [Fact]
    public void Generation_is_deterministic()
    {
        Assert.Equal(RefitGenerator.Generate(Contract), RefitGenerator.Generate(Contract));
    }

    [Fact]
    public void A_csv_or_ndjson_request_body_becomes_an_http_content_parameter()
    {
        const string contract = """
            {
              "openapi": "3.0.4",
              "info": { "title": "t", "version": "1" },
              "paths": {
                "/api/v1/things/{id}/records": {
                  "post": {
                    "tags": ["Things"],
                    "operationId": "uploadThingRecords",
                    "parameters": [ { "name": "id", "in": "path", "required": true, "schema": { "type": "string", "format": "uuid" } } ],
                    "requestBody": { "required": true, "content": {
                      "text/csv": { "schema": { "type": "string" } },
                      "application/x-ndjson": { "schema": { "type": "string" } } } },
                    "responses": { "204": { "description": "No Content" } }
                  }
                }
              }
            }
            """;

        var api = RefitGenerator.Generate(contract)["IThingsApi.g.cs"];

        Assert.Contains("Task<IApiResponse> UploadThingRecordsAsync(Guid id, [Body] HttpContent content, CancellationToken cancellationToken = default);", api, StringComparison.Ordinal);
    }

    [Fact]
    public void Untyped_values_and_maps_of_them_become_feature_values()
    {
        const string contract = """
            {
              "openapi": "3.0.4",
              "info": { "title": "t", "version": "1" },
              "paths": {
                "/api/v1/scores": {
                  "post": {
                    "tags": ["Scores"],
                    "operationId": "score",
                    "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Ask" } } } },
                    "responses": { "200": { "description": "OK", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Ask" } } } } }
                  }
                }
              },
              "components": {
                "schemas": {
                  "Ask": { "type": "object", "required": ["features", "value", "counts"], "properties": {
                    "features": { "type": "object", "additionalProperties": {} },
                    "counts": { "type": "object", "additionalProperties": { "type": "integer", "format": "int32" } },
                    "value": { "description": "A number or a string." } } }
                }
              }
            }
            """;

        var contracts = RefitGenerator.Generate(contract)["Contracts.g.cs"];

        Assert.Contains("public IReadOnlyDictionary<string, global::Datawijs.Client.FeatureValue> Features { get; init; } = default!;", contracts, StringComparison.Ordinal);
        Assert.Contains("public IReadOnlyDictionary<string, int> Counts { get; init; } = default!;", contracts, StringComparison.Ordinal);
        Assert.Contains("public global::Datawijs.Client.FeatureValue Value { get; init; } = default!;", contracts, StringComparison.Ordinal);
        Assert.DoesNotContain("JsonElement", contracts, StringComparison.Ordinal);
    }

    private static string WithSchema(string properties, string required = "[]") => $$"""
        {
          "openapi": "3.0.4",
          "info": { "title": "t", "version": "1" },
          "paths": {
            "/api/v1/things": {
              "post": {
                "tags": ["Things"],
                "operationId": "makeThing",
                "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/MakeThingRequest" } } } },
                "responses": { "200": { "description": "OK", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Thing" } } } } }
              }
            }
          },
          "components": {
            "schemas": {
              "MakeThingRequest": { "type": "object", "required": ["name", "kind"], "properties": {
                "name": { "type": "string", "nullable": true },
                "kind": { "type": "string", "enum": ["small", "large"], "nullable": true } } },
              "Part": { "type": "object", "properties": { "x": { "type": "string" } } },
              "Thing": { "type": "object", "required": {{required}}, "properties": {{properties}} }
            }
          }
        }
        """;

    [Theory]
    [InlineData("""{ "shape": { "oneOf": [ { "$ref": "#/components/schemas/Part" }, { "type": "string" } ] } }""", "components.schemas.Thing.properties.shape: oneOf with 2 alternatives")]
    [InlineData("""{ "shape": { "anyOf": [ { "$ref": "#/components/schemas/Part" }, { "$ref": "#/components/schemas/Thing" } ] } }""", "components.schemas.Thing.properties.shape: anyOf with 2 alternatives")]
    [InlineData("""{ "shape": { "type": "object", "properties": { "x": { "type": "string" } } } }""", "components.schemas.Thing.properties.shape: an inline object with properties (x)")]
    [InlineData("""{ "shape": { "type": "object" } }""", "components.schemas.Thing.properties.shape: a free-form object")]
    [InlineData("""{ "shape": { "type": "array", "items": { "type": "object", "properties": { "y": { "type": "integer" } } } } }""", "components.schemas.Thing.properties.shape[]: an inline object with properties (y)")]
    [InlineData("""{ "shape": { "allOf": [ { "$ref": "#/components/schemas/Part" }, { "$ref": "#/components/schemas/MakeThingRequest" } ] } }""", "components.schemas.Thing.properties.shape: allOf of 2 schemas")]
    public void Constructs_without_a_faithful_csharp_type_stop_generation_and_say_where(string properties, string message)
    {
        var error = Assert.Throws<ClientGenerationException>(() => RefitGenerator.Generate(WithSchema(properties)));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scalar_alternatives_become_a_feature_value()
    {
        var contracts = RefitGenerator.Generate(WithSchema("""{ "value": { "oneOf": [ { "type": "string" }, { "type": "number" }, { "type": "boolean" } ] } }"""))["Contracts.g.cs"];

        Assert.Contains("public global::Datawijs.Client.FeatureValue? Value { get; init; }", contracts, StringComparison.Ordinal);
    }

    [Fact]
    public void The_generator_exits_non_zero_with_the_reason_and_writes_nothing()
    {
        var folder = Directory.CreateTempSubdirectory("clientgen-").FullName;
        var input = Path.Combine(folder, "openapi.json");
        File.WriteAllText(input, WithSchema("""{ "shape": { "oneOf": [ { "$ref": "#/components/schemas/Part" }, { "type": "string" } ] } }"""));
        var output = Path.Combine(folder, "out");
        var error = new StringWriter();
        var before = Console.Error;
        Console.SetError(error);
        try
        {
            var exit = typeof(RefitGenerator).Assembly.EntryPoint!.Invoke(null, [new[] { input, output }]);

            Assert.Equal(1, exit);
            Assert.Contains("components.schemas.Thing.properties.shape: oneOf", error.ToString(), StringComparison.Ordinal);
            Assert.False(Directory.Exists(output));
        }
        finally
        {
            Console.SetError(before);
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void String_enums_become_csharp_enums_with_an_unknown_member_and_required_request_fields_are_not_null()
    {
        var contracts = RefitGenerator.Generate(WithSchema("""{ "size": { "type": "string", "enum": ["s", "xl"] } }""", """["size"]"""))["Contracts.g.cs"];

        // MakeThingRequest is only ever sent: its required fields are non-null whatever nullable says.
        Assert.Contains("public string Name { get; init; } = default!;", contracts, StringComparison.Ordinal);
        Assert.Contains("public Kind Kind { get; init; } = default!;", contracts, StringComparison.Ordinal);
        Assert.Contains("public Size Size { get; init; } = default!;", contracts, StringComparison.Ordinal);
        Assert.Contains("[JsonConverter(typeof(global::Datawijs.Client.DatawijsEnumConverter<Size>))]\npublic enum Size\n{", contracts, StringComparison.Ordinal);
        Assert.Contains("    Unknown = 0,\n\n    [EnumMember(Value = \"s\")]\n    S,\n\n    [EnumMember(Value = \"xl\")]\n    Xl,\n}", contracts, StringComparison.Ordinal);
        Assert.Empty(Compiler.Problems(RefitGenerator.Generate(WithSchema("""{ "size": { "type": "string", "enum": ["s", "xl"] } }"""), "Check"), "Check"));
    }

    [Fact]
    public void Header_parameters_are_named_for_what_they_mean()
    {
        const string contract = """
            {
              "openapi": "3.0.4",
              "info": { "title": "t", "version": "1" },
              "paths": { "/api/v1/things": { "get": { "tags": ["Things"], "operationId": "listThings",
                "parameters": [
                  { "name": "X-Audit-Toelichting", "in": "header", "schema": { "type": "string" } },
                  { "name": "X-Request-Source", "in": "header", "schema": { "type": "string" } } ],
                "responses": { "204": { "description": "No Content" } } } } }
            }
            """;

        var api = RefitGenerator.Generate(contract)["IThingsApi.g.cs"];

        Assert.Contains("[Header(\"X-Audit-Toelichting\")] string? auditReason = null, [Header(\"X-Request-Source\")] string? requestSource = null", api, StringComparison.Ordinal);
    }
}
