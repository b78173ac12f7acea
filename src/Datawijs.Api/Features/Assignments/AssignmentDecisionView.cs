using Datawijs.Domain.Assignments;

namespace Datawijs.Api.Features.Assignments;

public sealed class AssignmentDecisionView
{
    /// <summary>follows or deviates.</summary>
    [Datawijs.Api.OpenApi.WireValues("follows", "deviates")]
    public string Outcome { get; init; } = "";

    public string Reasoning { get; init; } = "";

    public DateTimeOffset DecidedAt { get; init; }

    /// <summary>The case worker's user_id from the token.</summary>
    public string? UserId { get; init; }

    /// <summary>The case worker's user_representation from the token.</summary>
    public string? UserRepresentation { get; init; }

    /// <summary>The application that recorded the decision.</summary>
    public string ClientId { get; init; } = "";

    public static AssignmentDecisionView From(AssignmentDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return new AssignmentDecisionView
        {
            Outcome = decision.Outcome,
            Reasoning = decision.Reasoning,
            DecidedAt = decision.DecidedAt,
            UserId = decision.UserId,
            UserRepresentation = decision.UserRepresentation,
            ClientId = decision.ClientId,
        };
    }
}
