using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Datawijs.Client;

/// <summary>
/// One value of a feature: a text (a category), a number or a yes/no. What the contract leaves untyped
/// because it depends on the feature (the features of an advice request, a subject's or profile's value in
/// an explanation, a counterfactual change) is this, instead of a raw JSON element.
/// </summary>
[JsonConverter(typeof(FeatureValueConverter))]
public readonly struct FeatureValue : IEquatable<FeatureValue>
{
    private readonly string? _text;
    private readonly double _number;

    private FeatureValue(FeatureValueKind kind, string? text, double number)
    {
        Kind = kind;
        _text = text;
        _number = number;
    }

    /// <summary>Which of the three this is; <see cref="FeatureValueKind.None"/> for default(FeatureValue) and JSON null.</summary>
    public FeatureValueKind Kind { get; }

    public bool IsText => Kind == FeatureValueKind.Text;

    public bool IsNumber => Kind == FeatureValueKind.Number;

    public bool IsBoolean => Kind == FeatureValueKind.Boolean;

    public static FeatureValue FromText(string text) => new(FeatureValueKind.Text, text ?? throw new ArgumentNullException(nameof(text)), 0);

    public static FeatureValue FromNumber(double number) =>
        double.IsFinite(number) ? new(FeatureValueKind.Number, null, number) : throw new ArgumentOutOfRangeException(nameof(number), "A feature value is a finite number.");

    public static FeatureValue FromBoolean(bool value) => new(FeatureValueKind.Boolean, null, value ? 1 : 0);

    public static implicit operator FeatureValue(string text) => FromText(text);

    public static implicit operator FeatureValue(int number) => FromNumber(number);

    public static implicit operator FeatureValue(long number) => FromNumber(number);

    public static implicit operator FeatureValue(double number) => FromNumber(number);

    public static implicit operator FeatureValue(decimal number) => FromNumber((double)number);

    public static implicit operator FeatureValue(bool value) => FromBoolean(value);

    /// <summary>The text of a categorical value.</summary>
    /// <exception cref="InvalidOperationException">The value is not a text.</exception>
    public string AsText() => IsText ? _text! : throw new InvalidOperationException($"The feature value is {Describe()}, not a text.");

    /// <summary>The number of a numeric value.</summary>
    /// <exception cref="InvalidOperationException">The value is not a number.</exception>
    public double AsNumber() => IsNumber ? _number : throw new InvalidOperationException($"The feature value is {Describe()}, not a number.");

    /// <exception cref="InvalidOperationException">The value is not a yes/no.</exception>
    public bool AsBoolean() => IsBoolean ? _number != 0 : throw new InvalidOperationException($"The feature value is {Describe()}, not a yes/no.");

    public bool TryGetText(out string text)
    {
        text = _text ?? "";
        return IsText;
    }

    public bool TryGetNumber(out double number)
    {
        number = _number;
        return IsNumber;
    }

    /// <summary>The value as people write it: the text, the number in invariant culture, true or false.</summary>
    public override string ToString() => Kind switch
    {
        FeatureValueKind.Text => _text!,
        FeatureValueKind.Number => _number.ToString("R", CultureInfo.InvariantCulture),
        FeatureValueKind.Boolean => _number != 0 ? "true" : "false",
        _ => "",
    };

    public bool Equals(FeatureValue other) => Kind == other.Kind && string.Equals(_text, other._text, StringComparison.Ordinal) && _number.Equals(other._number);

    public override bool Equals(object? obj) => obj is FeatureValue other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Kind, _text, _number);

    public static bool operator ==(FeatureValue left, FeatureValue right) => left.Equals(right);

    public static bool operator !=(FeatureValue left, FeatureValue right) => !left.Equals(right);

    private string Describe() => Kind switch
    {
        FeatureValueKind.Text => "a text",
        FeatureValueKind.Number => "a number",
        FeatureValueKind.Boolean => "a yes/no",
        _ => "empty",
    };

    internal void Write(Utf8JsonWriter writer)
    {
        switch (Kind)
        {
            case FeatureValueKind.Text: writer.WriteStringValue(_text); break;
            case FeatureValueKind.Number: writer.WriteNumberValue(_number); break;
            case FeatureValueKind.Boolean: writer.WriteBooleanValue(_number != 0); break;
            default: writer.WriteNullValue(); break;
        }
    }
}
