namespace Datawijs.Domain.Explanations;

/// <summary>The stable codes of <see cref="FeatureProblem.Code"/>.</summary>
public static class FeatureProblemCodes
{
    /// <summary>A clustering feature was not sent.</summary>
    public const string Missing = "missing";

    /// <summary>A feature that the profile set does not declare.</summary>
    public const string Unknown = "unknown";

    /// <summary>
    /// A protected feature (e.g. migration background) was sent. It never takes part in an
    /// assignment, so it must not be sent at all (data minimisation).
    /// </summary>
    public const string Protected = "protected";

    /// <summary>A number for a categorical feature or a category for a numeric one.</summary>
    public const string WrongType = "wrong-type";

    /// <summary>A categorical value that is not in the declared list of values.</summary>
    public const string NotAllowed = "not-allowed";

    /// <summary>NaN or infinity.</summary>
    public const string NotANumber = "not-a-number";

    /// <summary>A number outside the declared minimum and maximum.</summary>
    public const string OutOfRange = "out-of-range";

    /// <summary>A fraction for a numeric feature declared as a whole number (e.g. 0.5 children).</summary>
    public const string NotAWholeNumber = "not-a-whole-number";
}
