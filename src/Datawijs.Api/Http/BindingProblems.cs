using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using FluentValidation.Results;
using Microsoft.Extensions.Primitives;

namespace Datawijs.Api.Http;

/// <summary>
/// Turns what fails before validation (a body that is not JSON, a value of the wrong JSON type, a
/// field the request does not have, a route or query value that does not parse) into invalidParams
/// an integrator can act on: the field as sent, a stable code, and a reason in the API's own words,
/// never .NET type names.
/// </summary>
public static partial class BindingProblems
{
    public const string InvalidJson = "invalid-json";
    public const string UnknownField = "unknown-field";
    public const string WrongType = "wrong-type";

    /// <summary>For FastEndpoints' <c>Binding.JsonExceptionTransformer</c>.</summary>
    public static ValidationFailure FromJsonException(JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var message = exception.Message;

        // The reader's own errors (the serializer rethrows them with the path): the body is not JSON at all, or is cut off.
        if (exception.GetType() != typeof(JsonException) || exception.InnerException is JsonException)
        {
            return Failure("$", InvalidJson, string.Create(CultureInfo.InvariantCulture,
                $"The body is not valid JSON (line {(exception.LineNumber ?? 0) + 1}, byte {(exception.BytePositionInLine ?? 0) + 1})."));
        }

        var unmapped = UnmappedProperty().Match(message);
        if (unmapped.Success)
        {
            // The path names the unknown property itself ($.features[0].extra).
            var name = unmapped.Groups["name"].Value;
            var field = exception.Path is { } at && at.EndsWith("." + name, StringComparison.Ordinal) ? at : "$." + name;
            return Failure(field, UnknownField, $"'{Display(field)}' is not a field of this request.");
        }

        var path = exception.Path ?? "$";
        var expected = Expected(message + " " + exception.InnerException?.Message);
        return Failure(path, WrongType, path == "$"
            ? $"The body must be {expected}."
            : $"'{Display(path)}' must be {expected}.");
    }

    /// <summary>For FastEndpoints' <c>Binding.FailureMessage</c> (route, query and header values).</summary>
    public static string FailureMessage(Type type, string name, StringValues attempted)
    {
        ArgumentNullException.ThrowIfNull(type);
        return $"'{name}' must be {Describe(Nullable.GetUnderlyingType(type) ?? type)}.";
    }

    private static ValidationFailure Failure(string path, string code, string reason) =>
        new(path, reason) { ErrorCode = code };

    private static string Display(string path) => path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;

    // What the serializer wanted, read from its message: it names the target .NET type, or the token it could not read.
    private static string Expected(string message)
    {
        var bounds = OutOfBoundsFor().Match(message);
        if (bounds.Success)
        {
            return DescribeName(bounds.Groups["type"].Value) + " in range";
        }

        var converted = ConvertedTo().Match(message);
        if (converted.Success)
        {
            return DescribeName(converted.Groups["type"].Value.TrimEnd('.'));
        }

        var token = AsA().Match(message);
        if (token.Success)
        {
            return token.Groups["kind"].Value switch
            {
                "string" => "a string",
                "boolean" => "true or false",
                _ => "a number",
            };
        }

        return "of another JSON type";
    }

    private static string Describe(Type type) => type.IsEnum ? "one of: " + string.Join(", ", Enum.GetNames(type)) : DescribeName(type.FullName ?? type.Name);

    private static string DescribeName(string typeName)
    {
        const string nullable = "System.Nullable`1[";
        if (typeName.StartsWith(nullable, StringComparison.Ordinal))
        {
            return DescribeName(typeName[nullable.Length..].TrimStart('['));
        }

        if (typeName.EndsWith("[]", StringComparison.Ordinal))
        {
            return "an array";
        }

        var name = typeName.Split('[', '`', ',')[0].TrimEnd(']');
        if (name.StartsWith("System.", StringComparison.Ordinal))
        {
            name = name["System.".Length..];
        }

        return name switch
        {
            "Int16" or "Int32" or "Int64" or "UInt16" or "UInt32" or "UInt64" or "Byte" => "a whole number",
            "Double" or "Single" or "Decimal" => "a number",
            "String" => "a string",
            "Boolean" => "true or false",
            "Guid" => "a UUID",
            "DateTimeOffset" or "DateTime" => "an RFC 3339 date-time",
            "DateOnly" => "a date (yyyy-mm-dd)",
            _ when name.EndsWith("List", StringComparison.Ordinal) || name.EndsWith("Enumerable", StringComparison.Ordinal)
                || name.EndsWith("Collection", StringComparison.Ordinal) || name.EndsWith("Set", StringComparison.Ordinal) => "an array",
            _ => "an object",
        };
    }

    [GeneratedRegex("^The JSON property '(?<name>[^']*)' could not be mapped", RegexOptions.CultureInvariant)]
    private static partial Regex UnmappedProperty();

    [GeneratedRegex(@"could not be converted to (?<type>[\w.`\[\]]+)", RegexOptions.CultureInvariant)]
    private static partial Regex ConvertedTo();

    [GeneratedRegex(@"out of bounds for an? (?<type>\w+)", RegexOptions.CultureInvariant)]
    private static partial Regex OutOfBoundsFor();

    [GeneratedRegex(@"token type '\w+' as a (?<kind>string|number|boolean)", RegexOptions.CultureInvariant)]
    private static partial Regex AsA();
}
