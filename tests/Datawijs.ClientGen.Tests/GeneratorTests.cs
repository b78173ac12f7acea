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
    public void Free_form_maps_and_untyped_values_become_dictionaries_of_json_elements()
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

        Assert.Contains("public IReadOnlyDictionary<string, System.Text.Json.JsonElement> Features { get; init; } = default!;", contracts, StringComparison.Ordinal);
        Assert.Contains("public IReadOnlyDictionary<string, int> Counts { get; init; } = default!;", contracts, StringComparison.Ordinal);
        Assert.Contains("public System.Text.Json.JsonElement Value { get; init; } = default!;", contracts, StringComparison.Ordinal);
    }
}
