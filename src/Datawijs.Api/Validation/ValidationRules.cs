using FluentValidation;

namespace Datawijs.Api.Validation;

/// <summary>The rules request validators share, each with its own error code.</summary>
public static class ValidationRules
{
    public static IRuleBuilderOptions<T, string?> IsOneOf<T>(this IRuleBuilder<T, string?> rule, IReadOnlyList<string> values) =>
        rule.SetValidator(new OneOfValidator<T>(values)).WithErrorCode("one-of");

    /// <summary>A <c>cursor</c> query parameter: only a <c>next</c> value this API gave out.</summary>
    public static IRuleBuilderOptions<T, string?> IsPageCursor<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(100)
            .Must(c => c is null || Data.Infrastructure.PageCursor.TryDecode(c, out _))
            .WithErrorCode("invalid-cursor")
            .WithMessage("'Cursor' is not a cursor this API gave out.");

    /// <summary>Free text that is shown to people: no control characters (they break logs and CSV).</summary>
    public static IRuleBuilderOptions<T, string?> IsPlainText<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(value => value is null || !value.Any(c => DisplayText.IsUnsafe(c) && c != '\n' && c != '\r' && c != '\t'))
            .WithErrorCode("control-characters")
            .WithMessage("'{PropertyName}' must not contain control characters.");

    /// <summary>A BSN in any common form that has a canonical one (digits, at most nine, eleven-test); the reason names what is wrong.</summary>
    public static IRuleBuilderOptions<T, string?> IsBsn<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(value => string.IsNullOrWhiteSpace(value) || value.Length > Domain.Privacy.SubjectIds.MaxLength
                || Domain.Privacy.SubjectIds.Canonical(value, Domain.Privacy.SubjectIdKind.Bsn, out _) is not null)
            .WithErrorCode("invalid-bsn")
            .WithMessage((_, value) =>
            {
                Domain.Privacy.SubjectIds.Canonical(value, Domain.Privacy.SubjectIdKind.Bsn, out var problem);
                return "'{PropertyName}': " + problem;
            });
}
