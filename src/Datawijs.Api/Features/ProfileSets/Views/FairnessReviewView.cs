namespace Datawijs.Api.Features.ProfileSets.Views;

/// <summary>A person's review that lifted the inequality check's blocker, as shown publicly: when and why (not who).</summary>
public sealed class FairnessReviewView
{
    public DateTimeOffset ReviewedAt { get; init; }

    public string Reasoning { get; init; } = "";
}
