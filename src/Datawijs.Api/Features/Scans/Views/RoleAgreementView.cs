using Datawijs.Domain;
using Datawijs.Domain.Maturity;

namespace Datawijs.Api.Features.Scans.Views;

/// <summary>How far the roles agree in a category (or overall).</summary>
public sealed class RoleAgreementView
{
    /// <summary>The category; null for the overall score.</summary>
    public string? CategoryId { get; init; }

    /// <summary>1 − σ/2 over the role scores (1 = the roles agree); null with fewer than two roles that scored it.</summary>
    public double? Agreement { get; init; }

    /// <summary>Highest role score − lowest; null with fewer than two roles.</summary>
    public double? Spread { get; init; }

    /// <summary>True when the roles lie a level (1.0) or more apart.</summary>
    public bool RolesDiffer { get; init; }

    /// <summary>When the roles differ: which role scored highest and which lowest, in words.</summary>
    public string? Note { get; init; }

    public static RoleAgreementView From(RoleAgreement agreement, Language language)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        return new RoleAgreementView
        {
            CategoryId = agreement.CategoryId,
            Agreement = agreement.Agreement,
            Spread = agreement.Spread,
            RolesDiffer = agreement.RolesDiffer,
            Note = agreement.Note?.In(language),
        };
    }
}
