using Datawijs.Domain;
using System.Globalization;
using Datawijs.Api.Audit;
using Datawijs.Api.Auth;
using Datawijs.Api.Features.Assignments;
using Datawijs.Api.Features.Objections;
using Datawijs.Api.Http;
using Datawijs.Api.OpenApi;
using Datawijs.Data.Assignments;
using Datawijs.Data.Objections;
using Datawijs.Domain.Explanations;
using FastEndpoints;

namespace Datawijs.Api.Features.Citizen.Explanation;

public sealed class Endpoint(
    IPublishedProfileSetReader profileSets,
    AssignmentRepository assignments,
    ObjectionRepository objections,
    AccessLogWriter accessLog) : Endpoint<Request, Response>
{
    private static readonly NumberFormatInfo DutchNumbers = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = "." };

    public override void Configure()
    {
        Post("/citizen/explanation");
        Scopes(Auth.Scopes.CitizenPortal);
        Tags("Citizen portal");
        Options(b => b.WithOperationId("getCitizenExplanation").WithMetadata(new LocalizedAttribute())
            .WithMetadata(new AuditedAttribute(ProcessingActivities.CitizenAccess, "Uitleg over uw profiel op uw eigen verzoek")));
        Summary(s =>
        {
            s.Summary = "Explain the citizen's current profile advice in plain language";
            s.Description = """
                For a citizen logged in to the portal; the identifier travels in the body, never in a URL. Which profile and
                what it means, why, which data was used, how profiles were made, that this is advice and who decides, and how
                to object. Dutch B1 by default, English on `Accept-Language: en`. 404 when there is no advice about the citizen.
                """;
            s.ExampleRequest = new Request { SubjectId = "999990019" };
        });
        Description(b => b.Produces<Response>(200).ProducesProblems(400, 404));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var caller = Caller.From(User);
        var language = RequestLanguage.From(HttpContext);
        var pseudonym = accessLog.Pseudonymise(caller.TenantId, req.SubjectId!);
        var restriction = await objections.RestrictionForAsync(caller.TenantId, pseudonym, ct);
        var row = restriction.HasUpheld ? null : await assignments.FindCurrentForSubjectAsync(caller.TenantId, pseudonym, ct);
        var model = row is null ? null : await profileSets.FindAsync(caller.TenantId, row.ProfileSetId, ct);
        var explanation = row is null ? null : Advice.Recompute(model, row);
        if (row is null || model is null || explanation is null)
        {
            await Problems.WriteAsync(HttpContext, 404, "not-found", "There is no profile advice about this person.");
            return;
        }

        var latest = await objections.LatestForSubjectAsync(caller.TenantId, pseudonym, ct);
        var space = model.Space;
        var profile = space.Profiles.First(p => p.Id == explanation.ProfileId);
        var rendered = ExplanationText.Render(space, explanation, language);
        var code = RequestLanguage.Code(language);
        var howMade = CitizenTexts.HowProfilesWereMade(language);
        var decision = row.DecisionOutcome is null ? null : CitizenTexts.Decision(row.DecisionOutcome, language);
        var response = new Response
        {
            Language = code,
            AssignmentId = row.Id,
            Status = Advice.StatusOf(row, restriction),
            CreatedAt = row.CreatedAt,
            Profile = new CitizenProfile { Id = profile.Id, Name = profile.Name.In(language), Description = profile.Description?.In(language) },
            Text = string.Join("\n\n", new[] { rendered.Advice, rendered.Reasons, rendered.DataUsed, rendered.Certainty, rendered.Alternative, howMade, rendered.WhoDecides, decision, rendered.RightToObject }.OfType<string>()),
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
                    Value = c.SubjectValue.IsNumeric
                        ? c.SubjectValue.Number.GetValueOrDefault().ToString("#,0.##", language == Language.English ? CultureInfo.InvariantCulture : DutchNumbers)
                        : space.LabelOf(c.Feature, c.SubjectValue.Category!, language),
                }).ToList(),
            Certainty = rendered.Certainty,
            Alternative = rendered.Alternative,
            HowProfilesWereMade = new HowProfilesWereMade { Text = howMade, Link = $"/api/v1/public/{caller.TenantSlug}/algorithm" },
            WhoDecides = rendered.WhoDecides,
            Decision = decision,
            RightToObject = new RightToObject { Text = rendered.RightToObject, Kinds = ObjectionKinds.All },
            Objection = latest is null ? null : new ObjectionState
            {
                Id = latest.Id, Kind = latest.Kind, Status = latest.Status, CreatedAt = latest.CreatedAt, ReviewedAt = latest.ReviewedAt,
            },
        };

        await accessLog.AppendAsync([accessLog.Entry(HttpContext, pseudonym, AuditActions.ExplanationRead, row.Id)], ct);
        RequestLanguage.Apply(HttpContext, language);
        await Send.OkAsync(response, ct);
    }
}
