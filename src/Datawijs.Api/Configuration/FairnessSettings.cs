namespace Datawijs.Api.Configuration;

public sealed class FairnessSettings
{
    public const string Section = "Fairness";

    /// <summary>
    /// A protected group more than this many times as frequent in a profile as outside it (and significantly so)
    /// blocks publication until a person reviews it (default 2).
    /// </summary>
    public double MaximumRatio { get; set; } = 2.0;

    public Domain.Disclosure.FairnessCheckOptions Options => new() { MaximumRatio = MaximumRatio };
}
