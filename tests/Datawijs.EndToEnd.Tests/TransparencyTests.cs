using System.Net;
using System.Text.Json;
using Datawijs.Client;
using Datawijs.Tests.Shared;

using FeatureValue = Datawijs.Client.FeatureValue;

namespace Datawijs.EndToEnd.Tests;

public sealed class TransparencyTests(TransparencyFixture api) : IClassFixture<TransparencyFixture>
{
    private const string CaseWorker = "J. Jansen (klantmanager)";
    private const string Reviewer = "A. Bakker (kwaliteitsmedewerker)";
    private const string Reason = "Intake schuldhulp, gesprek van 12 november";

    /// <summary>A case worker's and a reviewer's application, and the portal, which calls for a citizen with that citizen's own token.</summary>
    private sealed record Parties(string Tenant, Guid TenantId, DatawijsClient CaseWorker, Func<string, DatawijsClient> Citizen, DatawijsClient Reviewer);

    private async Task<Parties> PartiesAsync(string? tenant = null)
    {
        tenant ??= TestApiHost.CitizenTenant();
        var (caseWorker, tenantId) = await api.ClientAsync(tenant, "mw-042", CaseWorker, "assignments:write");
        var (reviewer, _) = await api.ClientAsync(tenant, "mw-007", Reviewer, "objections:review");
        return new Parties(tenant, tenantId, caseWorker, bsn => api.Citizen(tenant, bsn), reviewer);
    }

    private static CreateAssignmentRequest Ask(string subjectId, Dictionary<string, FeatureValue>? features = null) => new()
    {
        SubjectId = subjectId,
        Features = features ?? TestProfileSets.SingleParentSubject(),
    };

    [Fact]
    public async Task Advice_decision_explanation_access_log_objection_review_and_advice_again()
    {
        var p = await PartiesAsync();
        var subject = api.NewSubjectId();

        // Advice, with everything that explains it.
        var created = await p.CaseWorker.Assignments.CreateAssignmentAsync(Ask(subject), auditReason: Reason);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var advice = created.Content!;
        Assert.Equal(AssignmentStatus.Advice, advice.Status);
        Assert.Equal(TestProfileSets.SingleParent, advice.ProfileId);
        Assert.Equal("Alleenstaande ouder met een laag inkomen", advice.ProfileName);
        Assert.Equal(TestProfileSets.SetIdFor(p.TenantId), advice.ProfileSetId);
        Assert.Equal(3, advice.Distances!.Count);
        Assert.Equal(advice.ProfileId, advice.Distances[0].ProfileId);
        // Every figure with two decimals; each is rounded on its own, so sums agree to within their rounding.
        Assert.All(advice.Distances.Select(d => d.Distance).Concat(advice.Contributions!.SelectMany(c => new[] { c.Term, c.RunnerUpTerm })).Append(advice.Margin!.Value),
            x => Assert.Equal(Math.Round(x, 2), x));
        Assert.InRange(advice.Margin!.Value - (advice.Distances[1].Distance - advice.Distances[0].Distance), -0.011, 0.011);
        Assert.InRange(advice.Distances[0].Distance - advice.Contributions!.Sum(c => c.Term), -0.005 * (advice.Contributions!.Count + 1), 0.005 * (advice.Contributions!.Count + 1));
        Assert.Equal(advice.Contributions!.Select(c => c.Term).OrderByDescending(t => t), advice.Contributions!.Select(c => c.Term));
        // A profile's numeric value is shown as published medians are (2 significant figures), never the exact mean.
        Assert.All(advice.Contributions!.Where(c => c.ProfileValue.IsNumber), c =>
            Assert.Equal(Datawijs.Domain.Disclosure.DisclosureRules.Default.RoundMedian(c.Feature, c.ProfileValue.AsNumber()), c.ProfileValue.AsNumber()));
        Assert.NotNull(advice.Uncertain);
        Assert.All(advice.Counterfactuals!, c => Assert.All(c.Changes, change => Assert.Contains(change.Feature, TestProfileSets.MutableFeatures)));
        Assert.NotEmpty(advice.Counterfactuals!);
        Assert.Equal(Language.Nl, advice.Explanation!.Language);
        Assert.Contains("Dit is een advies", advice.Explanation.Text, StringComparison.Ordinal);
        Assert.True(advice.Notice.IsAdvice);
        Assert.Contains("beslist", advice.Notice.Advice, StringComparison.Ordinal);
        Assert.Contains("bezwaar", advice.Notice.RightToObject, StringComparison.Ordinal);
        Assert.EndsWith("/api/v1/assignments/" + advice.Id, created.Headers!.Location?.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(subject, JsonSerializer.Serialize(advice), StringComparison.Ordinal);

        // The case worker reads it back and records their own decision.
        var read = await p.CaseWorker.Assignments.GetAssignmentAsync(advice.Id);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(advice.ProfileId, read.Content!.ProfileId);
        Assert.Equal(advice.Distances[0].Distance, read.Content.Distances![0].Distance);
        var decided = await p.CaseWorker.Assignments.DecideAssignmentAsync(advice.Id, new DecideAssignmentRequest { Outcome = AssignmentDecisionOutcome.Deviates, Reasoning = "Werkt sinds kort 20 uur." });
        Assert.Equal(HttpStatusCode.Created, decided.StatusCode);
        Assert.Equal("mw-042", decided.Content!.UserId);
        Assert.Equal(CaseWorker, decided.Content.UserRepresentation);
        var afterDecision = (await p.CaseWorker.Assignments.GetAssignmentAsync(advice.Id)).Content!;
        Assert.Equal(AssignmentStatus.Decided, afterDecision.Status);
        Assert.Equal(AssignmentDecisionOutcome.Deviates, afterDecision.Decision!.Outcome);
        Assert.Equal(HttpStatusCode.Conflict, (await p.CaseWorker.Assignments.DecideAssignmentAsync(advice.Id, new DecideAssignmentRequest { Outcome = AssignmentDecisionOutcome.Follows, Reasoning = "Toch wel." })).StatusCode);

        // The citizen's explanation, in Dutch and in English.
        var nl = await p.Citizen(subject).CitizenPortal.GetCitizenExplanationAsync();
        Assert.Equal(HttpStatusCode.OK, nl.StatusCode);
        Assert.Equal(Language.Nl, nl.Content!.Language);
        Assert.Equal("Alleenstaande ouder met een laag inkomen", nl.Content.Advice!.Profile.Name);
        Assert.Contains("Dit is een advies", nl.Content.Advice!.Advice, StringComparison.Ordinal);
        Assert.Contains("uitkering", nl.Content.Advice!.DataUsed, StringComparison.Ordinal);
        Assert.Equal("16.800", nl.Content.Advice!.Data.Single(d => d.Feature == "income").Value);
        Assert.Equal("huurhuis", nl.Content.Advice!.Data.Single(d => d.Feature == "housing").Value);
        Assert.Equal(["income", "age", "children", "benefit", "housing", "household"], nl.Content.Advice!.Data.Select(d => d.Feature));
        Assert.Contains("aantal kinderen", nl.Content.Advice!.Reasons, StringComparison.Ordinal);
        Assert.Contains("medewerker", nl.Content.Advice!.WhoDecides, StringComparison.Ordinal);
        Assert.Contains("Dit ben ik niet", nl.Content.RightToObject.Text, StringComparison.Ordinal);
        Assert.Equal(["notMe", "doNotWant"], nl.Content.RightToObject.Kinds);
        Assert.Equal($"/api/v1/public/{p.Tenant}/algorithm", nl.Content.HowProfilesWereMade.Link);
        Assert.Equal(AssignmentDecisionOutcome.Deviates, nl.Content.Decision!.Outcome);
        Assert.Equal("Werkt sinds kort 20 uur.", nl.Content.Decision.Reasoning);
        Assert.Equal(ExplanationCitizenStatus.Decided, nl.Content.Status);
        Assert.Equal($"/api/v1/public/{p.Tenant}/profiles", nl.Content.Profiles.Link);
        Assert.Contains("niet wat voor u waar is", nl.Content.Profiles.Caveat, StringComparison.Ordinal);
        Assert.Contains(nl.Content.Profiles.Caveat, nl.Content.Advice!.Text, StringComparison.Ordinal);
        var en = await p.Citizen(subject).CitizenPortal.GetCitizenExplanationAsync(acceptLanguage: "en-GB,en;q=0.9");
        Assert.Equal(Language.En, en.Content!.Language);
        Assert.Equal("Single parent on a low income", en.Content.Advice!.Profile.Name);
        Assert.Contains("This is advice", en.Content.Advice!.Advice, StringComparison.Ordinal);
        Assert.Contains("This is not me", en.Content.RightToObject.Text, StringComparison.Ordinal);
        Assert.Equal("16,800", en.Content.Advice!.Data.Single(d => d.Feature == "income").Value);
        Assert.Equal("rented", en.Content.Advice!.Data.Single(d => d.Feature == "housing").Value);

        // The access log shows the case worker and the reason they gave, and the defaults elsewhere.
        var log = await p.Citizen(subject).CitizenPortal.GetCitizenAccessLogAsync();
        Assert.Equal(HttpStatusCode.OK, log.StatusCode);
        var entries = log.Content!.Items;
        var creation = Assert.Single(entries, e => e.ActionCode == "assignment.create");
        Assert.Equal(CaseWorker, creation.Person);
        Assert.Equal(Reason, creation.Reason);
        Assert.Equal("Test tenant " + p.Tenant, creation.Organisation);
        Assert.False(string.IsNullOrEmpty(creation.Application));
        Assert.Equal(CaseWorker, Assert.Single(entries, e => e.ActionCode == "decision.create").Person);
        Assert.Equal(2, entries.Count(e => e.ActionCode == "assignment.read"));
        Assert.Equal(2, entries.Count(e => e.ActionCode == "explanation.read"));
        Assert.Equal("accessLog.read", entries[0].ActionCode);
        // The citizen's own reads are labelled with the portal they came through, not "by yourself".
        Assert.All(entries.Where(e => e.ActionCode is "explanation.read" or "accessLog.read"), e =>
        {
            Assert.Equal(TestBroker.PortalName, e.Application);
            Assert.Equal("Inzage via " + TestBroker.PortalName, e.Activity);
            Assert.Null(e.Person);
        });
        Assert.DoesNotContain(entries, e => e.Activity.Contains("uzelf", StringComparison.Ordinal));
        Assert.All(entries, e => Assert.False(string.IsNullOrEmpty(e.Reason)));
        Assert.Equal(entries.Select(e => e.At).OrderByDescending(t => t), entries.Select(e => e.At));

        // In English the default reasons read in English; a reason the case worker gave stays as it was given.
        var english = (await p.Citizen(subject).CitizenPortal.GetCitizenAccessLogAsync(acceptLanguage: "en")).Content!.Items;
        Assert.Equal("Showing who used your data, at your own request", english.First(e => e.ActionCode == "accessLog.read").Reason);
        Assert.Equal("Explaining your profile, at your own request", english.First(e => e.ActionCode == "explanation.read").Reason);
        Assert.Equal(Reason, Assert.Single(english, e => e.ActionCode == "assignment.create").Reason);
        Assert.Equal("Inzage in wie uw gegevens gebruikte, op uw eigen verzoek", entries.First(e => e.ActionCode == "accessLog.read").Reason);

        // An objection restricts at once: no new advice, the assignment shows it contested.
        var objection = await p.Citizen(subject).CitizenPortal.CreateCitizenObjectionAsync(new ObjectionCitizenRequest { Kind = CitizenObjectionKind.NotMe, Message = "Ik werk inmiddels." });
        Assert.Equal(HttpStatusCode.Created, objection.StatusCode);
        Assert.Equal(CitizenObjectionStatus.Open, objection.Content!.Status);
        var refused = await p.CaseWorker.Assignments.CreateAssignmentAsync(Ask(subject));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("objection-open", refused.Problem()!.Code);
        var contested = (await p.CaseWorker.Assignments.GetAssignmentAsync(advice.Id)).Content!;
        Assert.Equal(AssignmentStatus.Contested, contested.Status);
        Assert.Null(contested.ProfileId);
        Assert.Null(contested.Explanation);
        Assert.Equal(CitizenObjectionStatus.Open, contested.Objection!.Status);

        // Review: rejected, so advice may be given again.
        var open = await p.Reviewer.Objections.ListObjectionsAsync(status: CitizenObjectionStatus.Open);
        var listed = Assert.Single(open.Content!.Items);
        Assert.Equal(objection.Content.Id, listed.Id);
        Assert.Equal(advice.Id, listed.AssignmentId);
        Assert.Equal("Ik werk inmiddels.", listed.Message);
        var review = await p.Reviewer.Objections.ReviewObjectionAsync(listed.Id, new ReviewObjectionRequest { Outcome = ObjectionReviewOutcome.Rejected, Reasoning = "Gegevens gecontroleerd; het inkomen klopt." });
        Assert.Equal(HttpStatusCode.OK, review.StatusCode);
        Assert.Equal(CitizenObjectionStatus.Rejected, review.Content!.Status);
        Assert.Equal(Reviewer, review.Content.Review!.UserRepresentation);
        Assert.Equal(HttpStatusCode.Conflict, (await p.Reviewer.Objections.ReviewObjectionAsync(listed.Id, new ReviewObjectionRequest { Outcome = ObjectionReviewOutcome.Upheld, Reasoning = "Nogmaals." })).StatusCode);
        var rejected = Assert.Single((await p.Citizen(subject).CitizenPortal.GetCitizenExplanationAsync()).Content!.Objections);
        Assert.Equal(CitizenObjectionStatus.Rejected, rejected.Status);
        Assert.Equal("Gegevens gecontroleerd; het inkomen klopt.", rejected.Reasoning);
        Assert.Contains("afgewezen", rejected.Text, StringComparison.Ordinal);
        var again = await p.CaseWorker.Assignments.CreateAssignmentAsync(Ask(subject));
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(TestProfileSets.SingleParent, again.Content!.ProfileId);

        var finalLog = (await p.Citizen(subject).CitizenPortal.GetCitizenAccessLogAsync()).Content!.Items;
        Assert.Contains(finalLog, e => e.ActionCode == "objection.create");
        Assert.Contains(finalLog, e => e.ActionCode == "objection.read" && e.Person == Reviewer);
        Assert.Contains(finalLog, e => e.ActionCode == "objection.review" && e.Person == Reviewer);
        Assert.Empty(api.Leaks());
    }

    [Fact]
    public async Task Upheld_objection_withdraws_the_advice_and_stops_new_advice()
    {
        var p = await PartiesAsync();
        var subject = api.NewSubjectId();
        var advice = (await p.CaseWorker.Assignments.CreateAssignmentAsync(Ask(subject))).Content!;
        var objection = (await p.Citizen(subject).CitizenPortal.CreateCitizenObjectionAsync(new ObjectionCitizenRequest { Kind = CitizenObjectionKind.DoNotWant })).Content!;

        var review = await p.Reviewer.Objections.ReviewObjectionAsync(objection.Id, new ReviewObjectionRequest { Outcome = ObjectionReviewOutcome.Upheld, Reasoning = "Mevrouw wil geen profiel; dat respecteren wij." });

        Assert.Equal(CitizenObjectionStatus.Upheld, review.Content!.Status);
        var withdrawn = (await p.CaseWorker.Assignments.GetAssignmentAsync(advice.Id)).Content!;
        Assert.Equal(AssignmentStatus.Withdrawn, withdrawn.Status);
        Assert.Null(withdrawn.ProfileId);
        var refused = await p.CaseWorker.Assignments.CreateAssignmentAsync(Ask(subject));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("objection-upheld", refused.Problem()!.Code);
        Assert.Equal(HttpStatusCode.Conflict, (await p.CaseWorker.Assignments.DecideAssignmentAsync(advice.Id, new DecideAssignmentRequest { Outcome = AssignmentDecisionOutcome.Follows, Reasoning = "x" })).StatusCode);
        // The citizen reads why: the advice is withdrawn, with the reviewer's outcome and reasoning.
        var explanation = (await p.Citizen(subject).CitizenPortal.GetCitizenExplanationAsync()).Content!;
        Assert.Equal(ExplanationCitizenStatus.Withdrawn, explanation.Status);
        Assert.Null(explanation.Advice);
        var reviewed = Assert.Single(explanation.Objections);
        Assert.Equal(CitizenObjectionStatus.Upheld, reviewed.Status);
        Assert.Equal("Mevrouw wil geen profiel; dat respecteren wij.", reviewed.Reasoning);
        Assert.Contains("nieuwe groepen", reviewed.Text, StringComparison.Ordinal);
        var processing = (await p.Citizen(subject).CitizenPortal.GetCitizenDataProcessingAsync()).Content!;
        Assert.True(processing.ExcludedFromNewClusterings);
        Assert.Contains("niet meer", processing.ClusteringText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tokens_keep_the_citizen_the_portal_and_the_case_worker_apart()
    {
        var p = await PartiesAsync();
        var subject = api.NewSubjectId();
        var advice = (await p.CaseWorker.Assignments.CreateAssignmentAsync(Ask(subject))).Content!;
        var citizen = p.Citizen(subject);

        // A citizen token is refused everywhere but the citizen endpoints...
        Assert.Equal(HttpStatusCode.Unauthorized, (await citizen.Assignments.CreateAssignmentAsync(Ask(subject))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await citizen.Assignments.GetAssignmentAsync(advice.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await citizen.Objections.ListObjectionsAsync()).StatusCode);
        // ...and a client token, whatever its scopes, on the citizen endpoints.
        Assert.Equal(HttpStatusCode.Unauthorized, (await p.CaseWorker.CitizenPortal.GetCitizenExplanationAsync()).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await p.CaseWorker.CitizenPortal.GetCitizenAccessLogAsync()).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await p.CaseWorker.CitizenPortal.CreateCitizenObjectionAsync(new ObjectionCitizenRequest { Kind = CitizenObjectionKind.NotMe })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await p.Reviewer.CitizenPortal.GetCitizenDataProcessingAsync()).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await p.CaseWorker.Objections.ListObjectionsAsync()).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await p.Reviewer.Assignments.GetAssignmentAsync(advice.Id)).StatusCode);
    }

    [Fact]
    public async Task Another_tenant_sees_nothing_and_gets_404()
    {
        var owner = await PartiesAsync();
        var stranger = await PartiesAsync();
        var subject = api.NewSubjectId();
        var advice = (await owner.CaseWorker.Assignments.CreateAssignmentAsync(Ask(subject))).Content!;
        var objection = (await owner.Citizen(subject).CitizenPortal.CreateCitizenObjectionAsync(new ObjectionCitizenRequest { Kind = CitizenObjectionKind.NotMe })).Content!;

        var read = await stranger.CaseWorker.Assignments.GetAssignmentAsync(advice.Id);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(404, read.Problem()!.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.CaseWorker.Assignments.DecideAssignmentAsync(advice.Id, new DecideAssignmentRequest { Outcome = AssignmentDecisionOutcome.Follows, Reasoning = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Reviewer.Objections.ReviewObjectionAsync(objection.Id, new ReviewObjectionRequest { Outcome = ObjectionReviewOutcome.Upheld, Reasoning = "x" })).StatusCode);
        Assert.Empty((await stranger.Reviewer.Objections.ListObjectionsAsync()).Content!.Items);
        // The same person's token from the stranger's broker finds nothing of the owner's: an empty answer, not a 404.
        var otherExplanation = await stranger.Citizen(subject).CitizenPortal.GetCitizenExplanationAsync();
        Assert.Equal(HttpStatusCode.OK, otherExplanation.StatusCode);
        Assert.Equal(ExplanationCitizenStatus.None, otherExplanation.Content!.Status);
        Assert.Empty(otherExplanation.Content.Objections);
        Assert.DoesNotContain((await stranger.Citizen(subject).CitizenPortal.GetCitizenAccessLogAsync()).Content!.Items, e => e.ActionCode != "accessLog.read");
        // The owner's objection stays open: the stranger's review changed nothing.
        Assert.Equal(AssignmentStatus.Contested, (await owner.CaseWorker.Assignments.GetAssignmentAsync(advice.Id)).Content!.Status);
        // The stranger's own advice for the same person is not restricted by the owner's objection.
        Assert.Equal(HttpStatusCode.Created, (await stranger.CaseWorker.Assignments.CreateAssignmentAsync(Ask(subject))).StatusCode);
    }

    [Fact]
    public async Task Missing_unknown_and_protected_features_and_a_missing_subject_give_400_listing_them_all()
    {
        var p = await PartiesAsync();
        var features = TestProfileSets.SingleParentSubject();
        features.Remove("age");
        features["shoe_size"] = 42;
        features["migration_background"] = "none";
        features["benefit"] = "lottery";

        // An empty subject id is listed with the feature problems, not instead of them.
        var response = await p.CaseWorker.Assignments.CreateAssignmentAsync(Ask("", features));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var codes = response.Problem()!.InvalidParams!.ToDictionary(i => i.Name, i => i.Code);
        Assert.Equal("required", codes["subjectId"]);
        Assert.Equal("missing", codes["features.age"]);
        Assert.Equal("unknown", codes["features.shoe_size"]);
        Assert.Equal("protected", codes["features.migration_background"]);
        Assert.Equal("not-allowed", codes["features.benefit"]);
    }

    [Fact]
    public async Task A_feature_problem_names_the_feature_exactly_as_sent()
    {
        var p = await PartiesAsync();
        var features = TestProfileSets.SingleParentSubject();
        features["Shoe_Size"] = 42;

        var response = await p.CaseWorker.Assignments.CreateAssignmentAsync(Ask("999990019", features));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = Assert.Single(response.Problem()!.InvalidParams!);
        Assert.Equal(("features.Shoe_Size", "unknown"), (problem.Name, problem.Code));
    }

    [Fact]
    public async Task Without_a_published_profile_set_advice_answers_409()
    {
        var p = await PartiesAsync();
        api.ProfileSets.Unpublish(p.TenantId);

        var response = await p.CaseWorker.Assignments.CreateAssignmentAsync(Ask(api.NewSubjectId()));
        // Regression: with an Idempotency-Key the body is buffered, and a problem used to turn into 204.
        var withKey = await p.CaseWorker.Assignments.CreateAssignmentAsync(Ask(api.NewSubjectId()), idempotencyKey: Guid.NewGuid().ToString());

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("no-published-profile-set", response.Problem()!.Code);
        Assert.Equal(HttpStatusCode.Conflict, withKey.StatusCode);
        Assert.Equal("no-published-profile-set", withKey.Problem()!.Code);
    }

    // A retry with the key of an advice must not hand out advice that an objection has stopped since,
    // and is a read of the subject's data like any other: it is in the access log.
    [Fact]
    public async Task A_retried_advice_answers_the_assignment_as_it_stands_now_and_is_logged()
    {
        var p = await PartiesAsync();
        var subject = api.NewSubjectId();
        var key = Guid.NewGuid().ToString();
        var first = await p.CaseWorker.Assignments.CreateAssignmentAsync(Ask(subject), idempotencyKey: key);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var advice = first.Content!;
        Assert.Equal(AssignmentStatus.Advice, advice.Status);

        var retry = await p.CaseWorker.Assignments.CreateAssignmentAsync(Ask(subject), idempotencyKey: key, acceptLanguage: "en");
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal("true", retry.Headers!.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(advice.Id, retry.Content!.Id);
        Assert.Equal(advice.ProfileId, retry.Content.ProfileId);
        Assert.Equal(Language.En, retry.Content.Explanation!.Language);
        Assert.Equal(first.Headers!.Location, retry.Headers.Location);

        await p.Citizen(subject).CitizenPortal.CreateCitizenObjectionAsync(new ObjectionCitizenRequest { Kind = CitizenObjectionKind.DoNotWant });
        var contested = await p.CaseWorker.Assignments.CreateAssignmentAsync(Ask(subject), idempotencyKey: key);
        Assert.Equal(HttpStatusCode.Created, contested.StatusCode);
        Assert.Equal(AssignmentStatus.Contested, contested.Content!.Status);
        Assert.Null(contested.Content.ProfileId);
        Assert.Null(contested.Content.Distances);
        Assert.Null(contested.Content.Explanation);

        var log = (await p.Citizen(subject).CitizenPortal.GetCitizenAccessLogAsync()).Content!.Items;
        Assert.Single(log, e => e.ActionCode == "assignment.create");
        Assert.Equal(2, log.Count(e => e.ActionCode == "assignment.read"));
    }

    [Fact]
    public async Task A_decision_needs_a_person_and_reasoning()
    {
        var p = await PartiesAsync();
        var (machine, _) = await api.ClientAsync(p.Tenant, null, null, "assignments:write");
        var advice = (await p.CaseWorker.Assignments.CreateAssignmentAsync(Ask(api.NewSubjectId()), acceptLanguage: "en")).Content!;
        Assert.Equal(Language.En, advice.Explanation!.Language);
        Assert.Contains("This is advice", advice.Notice.Advice, StringComparison.Ordinal);

        var anonymous = await machine.Assignments.DecideAssignmentAsync(advice.Id, new DecideAssignmentRequest { Outcome = AssignmentDecisionOutcome.Follows, Reasoning = "Past goed." });
        var unreasoned = await p.CaseWorker.Assignments.DecideAssignmentAsync(advice.Id, new DecideAssignmentRequest { Outcome = AssignmentDecisionOutcome.Unknown });

        Assert.Equal(HttpStatusCode.BadRequest, anonymous.StatusCode);
        Assert.Equal("user-required", anonymous.Problem()!.Code);
        Assert.Equal(["outcome", "reasoning"], unreasoned.Problem()!.InvalidParams!.Select(i => i.Name).Order());
        Assert.Equal(AssignmentStatus.Advice, (await p.CaseWorker.Assignments.GetAssignmentAsync(advice.Id)).Content!.Status);
    }

    [Fact]
    public async Task An_overlong_user_representation_is_stored_cut_to_its_column()
    {
        var p = await PartiesAsync();
        var (verbose, _) = await api.ClientAsync(p.Tenant, "mw-9", new string('x', 300), "assignments:write");
        var advice = (await verbose.Assignments.CreateAssignmentAsync(Ask(api.NewSubjectId()))).Content!;

        var decided = await verbose.Assignments.DecideAssignmentAsync(advice.Id, new DecideAssignmentRequest { Outcome = AssignmentDecisionOutcome.Follows, Reasoning = "Past." });

        Assert.Equal(HttpStatusCode.Created, decided.StatusCode);
        Assert.Equal(255, decided.Content!.UserRepresentation!.Length);
    }

    [Fact]
    public async Task Public_algorithm_entry_is_anonymous_and_uses_the_register_fields()
    {
        var p = await PartiesAsync();
        var anonymous = api.Anonymous();

        var nl = await anonymous.Public.GetPublicAlgorithmAsync(p.Tenant);
        var en = await anonymous.Public.GetPublicAlgorithmAsync(p.Tenant, acceptLanguage: "en");
        var unknown = await anonymous.Public.GetPublicAlgorithmAsync("no-such-tenant");

        Assert.Equal(HttpStatusCode.OK, nl.StatusCode);
        Assert.Equal("*", nl.Headers!.GetValues("Access-Control-Allow-Origin").Single());
        var entry = nl.Content!;
        Assert.Equal("Test tenant " + p.Tenant, entry.Organization);
        Assert.Equal(AlgorithmPublicStatus.InGebruik, entry.Status);
        Assert.Equal("NLD", entry.Lang);
        Assert.Equal(TransparencyFixture.ContactEmail, entry.ContactEmail);
        // The method in plain words; the technical detail (algorithm, k, seed) in a field of its own.
        Assert.Contains("3 groepen", entry.MethodsAndModels, StringComparison.Ordinal);
        Assert.Contains("minstens 10", entry.MethodsAndModels, StringComparison.Ordinal);
        Assert.DoesNotContain("seed", entry.MethodsAndModels, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("k-prototypes", entry.MethodsAndModels, StringComparison.Ordinal);
        Assert.Contains("k = 3", entry.ProfileSet!.MethodDetails, StringComparison.Ordinal);
        Assert.Contains("vaste seed", entry.ProfileSet.MethodDetails, StringComparison.Ordinal);
        Assert.Contains("besteedbaar inkomen per jaar", entry.SourceData, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("beslist", entry.HumanIntervention, StringComparison.Ordinal);
        Assert.All(new[] { entry.Name, entry.DescriptionShort, entry.Goal, entry.Proportionality, entry.Risks, entry.LawfulBasis }, text => Assert.False(string.IsNullOrWhiteSpace(text)));
        Assert.Equal("2026-11-02", entry.BeginDate);
        Assert.Equal(3, entry.ProfileSet!.K);
        Assert.Equal(DistributionRole.Protected, entry.ProfileSet!.Features.Single(f => f.Name == "migration_background").Role);
        Assert.Equal("ENG", en.Content!.Lang);
        // The contract lists the register status in both languages, so the English value is typed too.
        Assert.Equal(AlgorithmPublicStatus.InUse, en.Content.Status);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Raw_subject_ids_appear_nowhere_in_the_database_files_or_the_logs()
    {
        var p = await PartiesAsync();
        var subject = api.NewSubjectId();
        var advice = (await p.CaseWorker.Assignments.CreateAssignmentAsync(Ask(subject), idempotencyKey: Guid.NewGuid().ToString())).Content!;
        await p.CaseWorker.Assignments.DecideAssignmentAsync(advice.Id, new DecideAssignmentRequest { Outcome = AssignmentDecisionOutcome.Follows, Reasoning = "Past." });
        await p.Citizen(subject).CitizenPortal.GetCitizenExplanationAsync();
        await p.Citizen(subject).CitizenPortal.CreateCitizenObjectionAsync(new ObjectionCitizenRequest { Kind = CitizenObjectionKind.NotMe, Message = "Niet ik." }, idempotencyKey: Guid.NewGuid().ToString());
        await p.Citizen(subject).CitizenPortal.GetCitizenAccessLogAsync();
        await p.CaseWorker.Assignments.CreateAssignmentAsync(Ask(subject));

        Assert.NotEmpty(api.DatabaseFiles());
        // The scan finds what is stored (the tenant's slug, the objection's message), so an empty result means something.
        Assert.NotEmpty(api.Find(p.Tenant));
        Assert.NotEmpty(api.Find("Niet ik."));
        Assert.True(api.Logs.Count > 0, "The log sink saw nothing, so the check below would prove nothing.");
        Assert.Empty(api.Leaks());
        // The fixture repeats this check over every id of every test once the whole class is done.
    }

    [Fact]
    public async Task The_canonical_forms_of_one_bsn_are_one_citizen_an_objection_under_one_blocks_advice_under_the_others()
    {
        var p = await PartiesAsync();
        // A BSN with a leading zero, so that "dropped zero" is one of its forms.
        var canonical = api.NewSubjectId(leadingZero: true);
        var dropped = canonical.TrimStart('0');
        var spaced = canonical[..4] + " " + canonical[4..];
        var dotted = canonical[..3] + "." + canonical[3..6] + "." + canonical[6..];

        var objection = await p.Citizen(dropped).CitizenPortal.CreateCitizenObjectionAsync(new ObjectionCitizenRequest { Kind = CitizenObjectionKind.DoNotWant });
        Assert.Equal(HttpStatusCode.Created, objection.StatusCode);

        foreach (var form in new[] { canonical, spaced, dotted, dropped })
        {
            var refused = await p.CaseWorker.Assignments.CreateAssignmentAsync(Ask(form));
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Equal("objection-open", refused.Problem()!.Code);
        }

        var seen = (await p.Citizen(spaced).CitizenPortal.GetCitizenExplanationAsync()).Content!;
        Assert.Equal(objection.Content!.Id, Assert.Single(seen.Objections).Id);
        Assert.Empty(api.Leaks());
    }

    [Fact]
    public async Task A_bsn_that_fails_the_eleven_test_is_refused_with_400_naming_the_field_or_the_row()
    {
        var p = await PartiesAsync();
        var (manager, _) = await api.ClientAsync(p.Tenant, null, null, "profiles:manage");
        var advice = await p.CaseWorker.Assignments.CreateAssignmentAsync(Ask("123456789"));
        var declaration = FoodBankData.Declaration() with { SubjectIdKind = null };
        var dataset = (await manager.Datasets.CreateDatasetAsync(declaration)).Content!;
        var good = api.NewSubjectId();
        var csv = FoodBankData.Csv(3).Replace("client-1,", good + ",", StringComparison.Ordinal)
            .Replace("client-2,", "123456789,", StringComparison.Ordinal)
            .Replace("client-3,", "12a456789,", StringComparison.Ordinal);

        var upload = await manager.Datasets.UploadDatasetRecordsAsync(dataset.Id, FoodBankData.CsvContent(csv));

        Assert.Equal(HttpStatusCode.BadRequest, advice.StatusCode);
        Assert.Equal("invalid-bsn", Assert.Single(advice.Problem()!.InvalidParams!, i => i.Name == "subjectId").Code);
        Assert.Equal(SubjectIdKind.Bsn, dataset.SubjectIdKind);
        Assert.Equal(HttpStatusCode.BadRequest, upload.StatusCode);
        var problems = upload.Problem()!.InvalidParams!;
        Assert.Equal(["records[2].subjectId", "records[3].subjectId"], problems.Select(i => i.Name).Order());
        Assert.Contains(problems, i => i.Reason.Contains("eleven-test", StringComparison.Ordinal));
        Assert.Equal(0, (await manager.Datasets.GetDatasetAsync(dataset.Id)).Content!.RecordCount);
    }

    [Fact]
    public async Task Ndjson_numbers_and_strings_and_csv_forms_of_one_bsn_put_one_citizen_in_each_dataset()
    {
        var p = await PartiesAsync();
        var (manager, _) = await api.ClientAsync(p.Tenant, null, null, "profiles:manage");
        var subject = api.NewSubjectId();
        var asNumber = (await manager.Datasets.CreateDatasetAsync(FoodBankData.Declaration("NDJSON als getal") with { SubjectIdKind = SubjectIdKind.Bsn })).Content!;
        var asString = (await manager.Datasets.CreateDatasetAsync(FoodBankData.Declaration("CSV met spaties") with { SubjectIdKind = SubjectIdKind.Bsn })).Content!;
        var ndjson = FoodBankData.Ndjson(2).Replace("\"subjectId\":\"client-1\"", "\"subjectId\":" + subject, StringComparison.Ordinal)
            .Replace("\"subjectId\":\"client-2\"", "\"subjectId\":\"" + api.NewSubjectId() + "\"", StringComparison.Ordinal);
        var csv = FoodBankData.Csv(1).Replace("client-1,", subject[..4] + " " + subject[4..] + ",", StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await manager.Datasets.UploadDatasetRecordsAsync(asNumber.Id, FoodBankData.NdjsonContent(ndjson))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.Datasets.UploadDatasetRecordsAsync(asString.Id, FoodBankData.CsvContent(csv))).StatusCode);
        var processing = (await p.Citizen(subject).CitizenPortal.GetCitizenDataProcessingAsync()).Content!;

        Assert.Equal(["CSV met spaties", "NDJSON als getal"], processing.Datasets.Select(d => d.Name).Order());
        Assert.Equal("Groups of households to tailor support (synthetic test data).", processing.Datasets[0].Purpose);
        Assert.Contains(processing.MayLook, a => a.Activities.Any(x => x.Code == AllowedActivityCode.ProfileMaking));
        Assert.Empty(api.Leaks());
    }

    [Fact]
    public async Task An_ndjson_subject_id_number_with_a_sign_fraction_or_exponent_is_refused_naming_the_row()
    {
        var p = await PartiesAsync();
        var (manager, _) = await api.ClientAsync(p.Tenant, null, null, "profiles:manage");
        var dataset = (await manager.Datasets.CreateDatasetAsync(FoodBankData.Declaration("Getallen") with { SubjectIdKind = SubjectIdKind.Bsn })).Content!;
        var good = api.NewSubjectId();
        var ndjson = FoodBankData.Ndjson(4)
            .Replace("\"subjectId\":\"client-1\"", "\"subjectId\":" + good, StringComparison.Ordinal)
            .Replace("\"subjectId\":\"client-2\"", "\"subjectId\":1234567.2", StringComparison.Ordinal)
            .Replace("\"subjectId\":\"client-3\"", "\"subjectId\":-12345672", StringComparison.Ordinal)
            .Replace("\"subjectId\":\"client-4\"", "\"subjectId\":1.2345672e7", StringComparison.Ordinal);

        var upload = await manager.Datasets.UploadDatasetRecordsAsync(dataset.Id, FoodBankData.NdjsonContent(ndjson));

        Assert.Equal(HttpStatusCode.BadRequest, upload.StatusCode);
        var problems = upload.Problem()!.InvalidParams!;
        Assert.Equal(["records[2].subjectId", "records[3].subjectId", "records[4].subjectId"], problems.Select(i => i.Name).Order());
        Assert.All(problems, i => Assert.Equal("invalid-subject-id", i.Code));
        Assert.Equal(0, (await manager.Datasets.GetDatasetAsync(dataset.Id)).Content!.RecordCount);
    }

    [Fact]
    public async Task A_client_number_equal_to_a_citizens_bsn_in_a_dataset_of_other_ids_does_not_make_the_citizen_appear()
    {
        var p = await PartiesAsync();
        var (manager, _) = await api.ClientAsync(p.Tenant, null, null, "profiles:manage");
        var subject = api.NewSubjectId();
        var clients = (await manager.Datasets.CreateDatasetAsync(FoodBankData.Declaration("Klantnummers") with { SubjectIdKind = SubjectIdKind.Other })).Content!;
        var csv = FoodBankData.Csv(2).Replace("client-1,", subject + ",", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await manager.Datasets.UploadDatasetRecordsAsync(clients.Id, FoodBankData.CsvContent(csv))).StatusCode);
        var citizen = p.Citizen(subject);

        var processing = (await citizen.CitizenPortal.GetCitizenDataProcessingAsync()).Content!;
        var log = (await citizen.CitizenPortal.GetCitizenAccessLogAsync()).Content!;

        // Client number 'subject' is someone else: nothing is stored about the citizen, so nothing is shown or logged.
        Assert.Equal(SubjectIdKind.Other, clients.SubjectIdKind);
        Assert.Empty(processing.Datasets);
        Assert.Empty(log.Items);
        Assert.Empty(api.Leaks());
    }

    [Fact]
    public async Task The_decision_and_its_reasoning_stay_in_the_explanation_once_the_profile_set_is_gone()
    {
        var p = await PartiesAsync();
        var subject = api.NewSubjectId();
        var advice = (await p.CaseWorker.Assignments.CreateAssignmentAsync(Ask(subject))).Content!;
        Assert.Equal(HttpStatusCode.Created, (await p.CaseWorker.Assignments.DecideAssignmentAsync(advice.Id, new DecideAssignmentRequest { Outcome = AssignmentDecisionOutcome.Deviates, Reasoning = "Werkt sinds kort 20 uur." })).StatusCode);
        var objection = (await p.Citizen(subject).CitizenPortal.CreateCitizenObjectionAsync(new ObjectionCitizenRequest { Kind = CitizenObjectionKind.NotMe })).Content!;
        await p.Reviewer.Objections.ReviewObjectionAsync(objection.Id, new ReviewObjectionRequest { Outcome = ObjectionReviewOutcome.Rejected, Reasoning = "Het gaat wel om u." });

        api.ProfileSets.Delete(p.TenantId);
        var caseWorker = (await p.CaseWorker.Assignments.GetAssignmentAsync(advice.Id)).Content!;
        var nl = (await p.Citizen(subject).CitizenPortal.GetCitizenExplanationAsync()).Content!;
        var en = (await p.Citizen(subject).CitizenPortal.GetCitizenExplanationAsync(acceptLanguage: "en")).Content!;

        Assert.Equal(AssignmentStatus.Decided, caseWorker.Status);
        Assert.Equal(ExplanationCitizenStatus.Decided, nl.Status);
        Assert.Null(nl.Advice);
        Assert.Equal(AssignmentDecisionOutcome.Deviates, nl.Decision!.Outcome);
        Assert.Equal("Werkt sinds kort 20 uur.", nl.Decision.Reasoning);
        Assert.Contains("niet meer beschikbaar", nl.StatusText, StringComparison.Ordinal);
        Assert.Contains("iets anders te doen", nl.StatusText, StringComparison.Ordinal);
        Assert.Contains("profiles it was based on are gone", en.StatusText, StringComparison.Ordinal);
        var reviewed = Assert.Single(nl.Objections);
        Assert.Equal("Het gaat wel om u.", reviewed.Reasoning);
        Assert.Empty(api.Leaks());
    }

    [Fact]
    public async Task A_portal_cannot_word_the_citizens_own_access_log_and_the_contract_offers_it_no_reason_header()
    {
        var p = await PartiesAsync();
        var subject = api.NewSubjectId();
        await p.CaseWorker.Assignments.CreateAssignmentAsync(Ask(subject));
        const string Forged = "Inzage door uzelf; gecontroleerd door Belastingdienst";
        using var handler = new ReasonHeader(Forged, api.Host.Server.CreateHandler());
        var portal = DatawijsClient.ForCitizen(new Uri("http://localhost"), api.Host.Broker.Token(p.Tenant, subject), handler);

        Assert.Equal(HttpStatusCode.OK, (await portal.CitizenPortal.GetCitizenExplanationAsync()).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await portal.CitizenPortal.GetCitizenDataProcessingAsync()).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await portal.CitizenPortal.CreateCitizenObjectionAsync(new ObjectionCitizenRequest { Kind = CitizenObjectionKind.NotMe })).StatusCode);
        var log = (await portal.CitizenPortal.GetCitizenAccessLogAsync()).Content!;

        Assert.True(handler.Sent >= 4, "The header was not sent, so the check below would prove nothing.");
        Assert.DoesNotContain(log.Items, i => i.Reason.Contains("Belastingdienst", StringComparison.Ordinal));
        Assert.Contains(log.Items, i => i.Reason == "Uitleg over uw profiel op uw eigen verzoek");
        using var contract = JsonDocument.Parse(await api.Host.CreateHttpClient().GetStringAsync(new Uri("/api/v1/openapi.json", UriKind.Relative)));
        var citizenOperations = contract.RootElement.GetProperty("paths").EnumerateObject()
            .Where(path => path.Name.Contains("/citizen/", StringComparison.Ordinal))
            .SelectMany(path => path.Value.EnumerateObject()).ToList();
        Assert.Equal(4, citizenOperations.Count);
        Assert.All(citizenOperations, operation => Assert.DoesNotContain(
            operation.Value.TryGetProperty("parameters", out var parameters) ? parameters.EnumerateArray().Select(x => x.GetProperty("name").GetString()) : [],
            name => name == "X-Audit-Toelichting"));
        Assert.Empty(api.Leaks());
    }

    /// <summary>What a portal could add to every request it forwards.</summary>
    private sealed class ReasonHeader(string reason, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        public int Sent { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Remove("X-Audit-Toelichting");
            request.Headers.Add("X-Audit-Toelichting", reason);
            Sent++;
            return base.SendAsync(request, cancellationToken);
        }
    }
}
