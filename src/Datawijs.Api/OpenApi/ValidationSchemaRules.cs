using System.Globalization;
using System.Text.Json.Nodes;
using Datawijs.Api.Validation;
using FluentValidation;
using FluentValidation.Validators;
using Microsoft.OpenApi;

namespace Datawijs.Api.OpenApi;

/// <summary>
/// Reflects the unconditional FluentValidation rules of a property into its JSON schema, so the
/// contract states what the validator enforces: required, lengths, ranges, patterns, allowed values.
/// </summary>
public static class ValidationSchemaRules
{
    public static bool Apply(IValidator? validator, string propertyName, IOpenApiSchema schema)
    {
        if (validator is null)
        {
            return false;
        }

        var required = false;
        var target = schema as OpenApiSchema;
        // FastEndpoints names rules after the JSON property (camelCase) when it uses the naming policy.
        var descriptor = validator.CreateDescriptor();
        var camel = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(propertyName);
        var rules = descriptor.GetRulesForMember(propertyName).Concat(camel == propertyName ? [] : descriptor.GetRulesForMember(camel));
        foreach (var rule in rules)
        {
            foreach (var component in rule.Components)
            {
                if (component.HasCondition || component.HasAsyncCondition)
                {
                    continue;
                }

                switch (component.Validator)
                {
                    case INotNullValidator:
                        required = true;
                        break;
                    case INotEmptyValidator:
                        required = true;
                        if (target is not null && target.Type?.HasFlag(JsonSchemaType.String) == true)
                        {
                            target.MinLength = Math.Max(target.MinLength ?? 0, 1);
                        }

                        break;
                    case ILengthValidator length when target is not null:
                        if (length.Min > 0)
                        {
                            target.MinLength = length.Min;
                        }

                        if (length.Max > 0)
                        {
                            target.MaxLength = length.Max;
                        }

                        break;
                    case IBetweenValidator between when target is not null:
                        target.Minimum = Number(between.From);
                        target.Maximum = Number(between.To);
                        break;
                    case IComparisonValidator comparison when target is not null && comparison.ValueToCompare is not null:
                        switch (comparison.Comparison)
                        {
                            case Comparison.GreaterThanOrEqual:
                                target.Minimum = Number(comparison.ValueToCompare);
                                break;
                            case Comparison.GreaterThan:
                                target.ExclusiveMinimum = Number(comparison.ValueToCompare);
                                break;
                            case Comparison.LessThanOrEqual:
                                target.Maximum = Number(comparison.ValueToCompare);
                                break;
                            case Comparison.LessThan:
                                target.ExclusiveMaximum = Number(comparison.ValueToCompare);
                                break;
                        }

                        break;
                    case IRegularExpressionValidator regex when target is not null:
                        target.Pattern = regex.Expression;
                        break;
                    case IPropertyValidator other when target is not null && OneOfValues(other) is { } values:
                        target.Enum = values.Select(v => (JsonNode)JsonValue.Create(v)).ToList();
                        break;
                }
            }
        }

        return required;
    }

    private static IReadOnlyList<string>? OneOfValues(IPropertyValidator validator)
    {
        var type = validator.GetType();
        return type.IsGenericType && type.GetGenericTypeDefinition() == typeof(OneOfValidator<>)
            ? (IReadOnlyList<string>?)type.GetProperty(nameof(OneOfValidator<object>.Values))!.GetValue(validator)
            : null;
    }

    private static string? Number(object? value) =>
        value is IFormattable formattable ? formattable.ToString(null, CultureInfo.InvariantCulture) : value?.ToString();
}
