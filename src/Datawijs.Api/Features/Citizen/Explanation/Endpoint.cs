using Datawijs.Domain;
using Datawijs.Api.Audit;
using Datawijs.Api.Auth;
using Datawijs.Api.Auth.Citizens;
using Datawijs.Api.Features.Assignments;
using Datawijs.Api.Http;
using Datawijs.Api.OpenApi;
using Datawijs.Data.Assignments;
using Datawijs.Data.Objections;
using Datawijs.Domain.Explanations;
using Datawijs.Domain.Objections;
using FastEndpoints;
using Datawijs.Api.Features.ProfileSets;

namespace Datawijs.Api.Features.Citizen.Explanation;

public sealed class Endpoint(
    IPublishedProfileSetReader profileSets,
    AssignmentRepository assignments,
    ObjectionRepository objections,
    CitizenRecords records,
    CitizenLookups lookups,
    AccessLogWriter accessLog) : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Get("/citizen/explanation");
        AuthSchemes(CitizenAuthentication.SchemeName);
        Claims(ClaimNames.SubjectPseudonym);
        Tags("Citizen portal");
        Options(b => b.WithOperationId("getCitizenExplanation").WithMetadata(new LocalizedAttribute())
            .WithMetadata(new AuditedAttribute(ProcessingActivities.CitizenAccess, DefaultReasons.ExplanationRead.Nl)));
        Summary(s =>
        {
            s.Summary = "Explain the citizen's own profile advice, the decision on it and the reviews of their objections";
            s.Description = """
                For the citizen of the verified token (the portal forwards it); nothing in the request names a person. Which profile
                and what it means, why, which data was used, how profiles were made, that this is advice and who decides, the case
                worker's decision with its reasoning, each objection with the review's outcome and reasoning, the list of all
                published profiles and what a profile does not say. Dutch B1 by default, English on `Accept-Language: en`.
                Always 200: without advice or objections the parts are empty (`status: none`), so the answer does not tell whether
                anything is stored about a person.
                """;
        });
        Description(b => b.Produces<Response>(200));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var citizen = HttpContext.CitizenCaller();
        var language = RequestLanguage.From(HttpContext);
        var restriction = await objections.RestrictionForAsync(citizen.TenantId, citizen.SubjectPseudonym, ct);
        var row = restriction.HasUpheld ? null : await assignments.FindCurrentForSubjectAsync(citizen.TenantId, citizen.SubjectPseudonym, ct);
        var model = row is null ? null : await profileSets.FindAsync(citizen.TenantId, row.ProfileSetId, ct);
        var explanation = row is null ? null : StoredAdvice.Recompute(model, row);
        var objectionRows = await objections.AllForSubjectAsync(citizen.TenantId, citizen.SubjectPseudonym, ct);

        var advice = row is not null && model is not null && explanation is not null ? View(model, explanation, row, language) : null;
        // The advice stands while its assignment does, even when the profile set it came from is gone (its dataset
        // was deleted): then the profile cannot be shown any more, but the status, the decision and its reasoning can.
        var status = restriction.HasUpheld ? "withdrawn" : row is null ? "none" : AssignmentStatuses.Of(row.ToAssignment().StatusWith(restriction));
        var response = new Response
        {
            Language = RequestLanguage.Code(language),
            Status = status,
            StatusText = status switch
            {
                "withdrawn" => CitizenTexts.Withdrawn(language),
                "none" => CitizenTexts.NoAdvice(language),
                _ when advice is null => CitizenTexts.AdviceWithoutProfiles(status, row!.DecisionOutcome, language),
                _ => advice.Advice,
            },
            Advice = advice,
            Decision = row?.DecisionOutcome is null ? null : new CitizenDecision
            {
                Outcome = row.DecisionOutcome,
                Text = CitizenTexts.Decision(row.DecisionOutcome, language),
                Reasoning = row.DecisionReasoning,
                DecidedAt = row.DecidedAt,
            },
            Objections = objectionRows.Select(o => new CitizenObjection
            {
                Id = o.Id,
                Kind = o.Kind,
                Status = o.Status,
                Text = CitizenTexts.ObjectionStatus(o.Status, o.Kind, language),
                CreatedAt = o.CreatedAt,
                ReviewedAt = o.ReviewedAt,
                Reasoning = o.ReviewReasoning,
            }).ToList(),
            HowProfilesWereMade = new HowProfilesWereMade { Text = CitizenTexts.HowProfilesWereMade(language), Link = $"/api/v1/public/{citizen.TenantSlug}/algorithm" },
            Profiles = ProfilesNotice.For(citizen.TenantSlug, language),
            RightToObject = new RightToObject
            {
                Text = advice is null || explanation is null ? CitizenTexts.RightToObjectWithoutAdvice(language) : ExplanationText.Render(model!.Space, explanation!, language).RightToObject,
                Kinds = ObjectionKinds.All,
            },
        };

        // Logged when something about the citizen is handed out or stored; a lookup of someone with nothing
        // stored writes nothing (it would be the first row about them) but is counted per portal.
        if (row is not null || objectionRows.Count > 0 || await records.AnyAsync(citizen.TenantId, citizen.SubjectPseudonym, ct))
        {
            await accessLog.AppendAsync([accessLog.Entry(HttpContext, citizen.SubjectPseudonym, AuditActions.ExplanationRead, row?.Id)], ct);
        }
        else
        {
            lookups.WithoutData(citizen.TenantSlug, citizen.Portal, "explanation");
        }

        RequestLanguage.Apply(HttpContext, language);
        await Send.OkAsync(response, ct);
    }

    private static CitizenAdvice View(PublishedProfileSetModel model, Domain.Explanations.Explanation explanation, Data.Assignments.AssignmentRow row, Language language)
    {
        var space = model.Space;
        var profile = space.Profiles.First(p => p.Id == explanation.ProfileId);
        var rendered = ExplanationText.Render(space, explanation, language);
        var decision = row.DecisionOutcome is null ? null : CitizenTexts.Decision(row.DecisionOutcome, language);
        var outflow = Domain.Reporting.OutflowText.Sentence(model.Outflow?.GetValueOrDefault(profile.Id), language);
        return new CitizenAdvice
        {
            AssignmentId = row.Id,
            CreatedAt = row.CreatedAt,
            Profile = new CitizenProfile { Id = profile.Id, Name = profile.Name.In(language), Description = profile.Description?.In(language) },
            Text = string.Join("\n\n", new[]
            {
                rendered.Advice, outflow, rendered.Reasons, rendered.DataUsed, rendered.Certainty, rendered.Alternative,
                CitizenTexts.HowProfilesWereMade(language), CitizenTexts.ProfileCaveat(language), rendered.WhoDecides, decision, rendered.RightToObject,
            }.OfType<string>()),
            Advice = rendered.Advice,
            Reasons = rendered.Reasons,
            DataUsed = rendered.DataUsed,
            // Declaration order: an inventory of the citizen's details, not a ranking.
            Data = space.Features
                .Where(f => f.InDistance)
                .Select(f => explanation.Contributions.First(c => c.Feature == f.Name))
                .Select(c => new DataItem
                {
                    Feature = c.Feature,
                    Label = space.LabelOf(c.Feature, language),
                    Value = FeaturePhrases.Value(space, c.Feature, c.SubjectValue, language),
                    Text = FeaturePhrases.Statement(space, c.Feature, c.SubjectValue, language),
                }).ToList(),
            Certainty = rendered.Certainty,
            Alternative = rendered.Alternative,
            WhoDecides = rendered.WhoDecides,
            Outflow = outflow,
        };
    }
}
