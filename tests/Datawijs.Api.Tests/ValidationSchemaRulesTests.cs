using Datawijs.Api.OpenApi;
using Microsoft.OpenApi;

namespace Datawijs.Api.Tests;

public sealed class ValidationSchemaRulesTests
{
    [Fact]
    public void Required_length_and_allowed_values_are_reflected_into_the_schema()
    {
        var validator = new Features.Organisations.Create.Request.Validator();
        var name = new OpenApiSchema { Type = JsonSchemaType.String };
        var kind = new OpenApiSchema { Type = JsonSchemaType.String };
        var inhabitants = new OpenApiSchema { Type = JsonSchemaType.Integer };

        Assert.True(ValidationSchemaRules.Apply(validator, "Name", name));
        Assert.True(ValidationSchemaRules.Apply(validator, "Kind", kind));
        Assert.False(ValidationSchemaRules.Apply(validator, "Inhabitants", inhabitants));

        Assert.Equal(200, name.MaxLength);
        Assert.Equal(1, name.MinLength);
        Assert.Equal(["municipality", "department", "partner", "other"], kind.Enum!.Select(v => v!.GetValue<string>()));
        Assert.Equal("0", inhabitants.Minimum);
        Assert.Equal("50000000", inhabitants.Maximum);
    }
}
