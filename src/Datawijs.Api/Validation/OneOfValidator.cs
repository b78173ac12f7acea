using FluentValidation;
using FluentValidation.Validators;

namespace Datawijs.Api.Validation;

/// <summary>A string restricted to a fixed list; the OpenAPI schema shows the list as an enum.</summary>
public sealed class OneOfValidator<T>(IReadOnlyList<string> values) : PropertyValidator<T, string?>
{
    public override string Name => "OneOfValidator";

    public IReadOnlyList<string> Values { get; } = values;

    public override bool IsValid(ValidationContext<T> context, string? value) => value is null || Values.Contains(value, StringComparer.Ordinal);

    protected override string GetDefaultMessageTemplate(string errorCode) =>
        "'{PropertyName}' must be one of: " + string.Join(", ", Values) + ".";
}
