using Datawijs.Api.Validation;
using FastEndpoints;
using FluentValidation;

namespace Datawijs.Api.Features.Datasets.SetReferencePopulation;

/// <summary>
/// Aggregate counts for all households of the municipality (for example from CBS StatLine). Per feature the counts
/// add up to at most <c>households</c>: the rest are households whose value the source does not know.
/// </summary>
public sealed class Request
{
    public Guid Id { get; set; }

    /// <summary>Where the figures come from, for example "CBS StatLine, table 71486NED".</summary>
    public string? Source { get; set; }

    /// <summary>The year the figures describe (1990 up to this year).</summary>
    public int? Year { get; set; }

    /// <summary>All households of the municipality; at least the dataset's number of records.</summary>
    public int? Households { get; set; }

    /// <summary>Per clustering or descriptive categorical feature: households per declared value (every declared value, 0 when none).</summary>
    public Dictionary<string, Dictionary<string, int>>? Categorical { get; set; }

    /// <summary>Per clustering or descriptive numeric feature: bands in order, each min equal to the max before it, together covering the declared range.</summary>
    public Dictionary<string, List<ReferenceBandInput>>? Numeric { get; set; }

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.Source).NotEmpty().MaximumLength(200).IsPlainText();
            RuleFor(x => x.Year).NotNull();
            RuleFor(x => x.Households).NotNull();
            RuleFor(x => x.Categorical).Must(c => c is null || c.Count <= 100).WithErrorCode("max-items").WithMessage("At most 100 features.");
            RuleFor(x => x.Numeric).Must(c => c is null || c.Count <= 100).WithErrorCode("max-items").WithMessage("At most 100 features.");
        }
    }
}
