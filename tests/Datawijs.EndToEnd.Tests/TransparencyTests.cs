using System.Net;
using System.Text.Json;
using Datawijs.Client;

namespace Datawijs.EndToEnd.Tests;

public sealed class TransparencyTests(TransparencyFixture api) : IClassFixture<TransparencyFixture>
{
    private const string CaseWorker = "J. Jansen (klantmanager)";
    private const string Reviewer = "A. Bakker (kwaliteitsmedewerker)";
    private const string Reason = "Intake schuldhulp, gesprek van 12 november";

    private sealed record Parties(string Tenant, Guid TenantId, DatawijsClient CaseWorker, DatawijsClient Portal, DatawijsClient Reviewer);

    private async Task<Parties> PartiesAsync(string? tenant = null)
    {
        tenant ??= ApiFixture.NewTenant();
        var (caseWorker, tenantId) = await api.ClientAsync(tenant, "mw-042", CaseWorker, "assignments:write");
        var (portal, _) = await api.ClientAsync(tenant, null, "Portaal Mijn Gemeente", "citizen-portal");
        var (reviewer, _) = await api.ClientAsync(tenant, "mw-007", Reviewer, "objections:review");
        return new Parties(tenant, tenantId, caseWorker, portal, reviewer);
    }

    private static CreateAssignmentRequest Ask(string subjectId, Dictionary<string, object>? features = null) => new()
    {
        SubjectId = subjectId,
        Features = (features ?? TestProfileSets.SingleParentSubject()).ToDictionary(kv => kv.Key, kv => JsonSerializer.SerializeToElement(kv.Value)),
    };

    [Fact]
    public async Task Advice_decision_explanation_access_log_objection_review_and_advice_again()
    {
        var p = await PartiesAsync();
        var subject = api.NewSubjectId();

        // Advice, with everything that explains it.
        var created = await p.CaseWorker.Assignments.CreateAssignmentAsync(Ask(subject), xAuditToelichting: Reason);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var advice = created.Content!;
        Assert.Equal("advice", advice.Status);
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
        Assert.All(advice.Contributions!.Where(c => c.ProfileValue.ValueKind == JsonValueKind.Number), c =>
            Assert.Equal(Datawijs.Domain.Disclosure.DisclosureRules.Default.RoundMedian(c.Feature, c.ProfileValue.GetDouble()), c.ProfileValue.GetDouble()));
        Assert.NotNull(advice.Uncertain);
        Assert.All(advice.Counterfactuals!, c => Assert.All(c.Changes, change => Assert.Contains(change.Feature, TestProfileSets.MutableFeatures)));
        Assert.NotEmpty(advice.Counterfactuals!);
        Assert.Equal("nl", advice.Explanation!.Language);
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
        var decided = await p.CaseWorker.Assignments.DecideAssignmentAsync(advice.Id, new DecideAssignmentRequest { Outcome = "deviates", Reasoning = "Werkt sinds kort 20 uur." });
        Assert.Equal(HttpStatusCode.Created, decided.StatusCode);
        Assert.Equal("mw-042", decided.Content!.UserId);
        Assert.Equal(CaseWorker, decided.Content.UserRepresentation);
        var afterDecision = (await p.CaseWorker.Assignments.GetAssignmentAsync(advice.Id)).Content!;
        Assert.Equal("decided", afterDecision.Status);
        Assert.Equal("deviates", afterDecision.Decision!.Outcome);
        Assert.Equal(HttpStatusCode.Conflict, (await p.CaseWorker.Assignments.DecideAssignmentAsync(advice.Id, new DecideAssignmentRequest { Outcome = "follows", Reasoning = "Toch wel." })).StatusCode);

        // The citizen's explanation, in Dutch and in English.
        var nl = await p.Portal.CitizenPortal.GetCitizenExplanationAsync(new ExplanationCitizenRequest { SubjectId = subject });
        Assert.Equal(HttpStatusCode.OK, nl.StatusCode);
        Assert.Equal("nl", nl.Content!.Language);
        Assert.Equal("Alleenstaande ouder met een laag inkomen", nl.Content.Profile.Name);
        Assert.Contains("Dit is een advies", nl.Content.Advice, StringComparison.Ordinal);
        Assert.Contains("uitkering", nl.Content.DataUsed, StringComparison.Ordinal);
        Assert.Equal("16.800", nl.Content.Data.Single(d => d.Feature == "income").Value);
        Assert.Equal("huurhuis", nl.Content.Data.Single(d => d.Feature == "housing").Value);
        Assert.Equal(["income", "age", "children", "benefit", "housing", "household"], nl.Content.Data.Select(d => d.Feature));
        Assert.Contains("aantal kinderen", nl.Content.Reasons, StringComparison.Ordinal);
        Assert.Contains("medewerker", nl.Content.WhoDecides, StringComparison.Ordinal);
        Assert.Contains("Dit ben ik niet", nl.Content.RightToObject.Text, StringComparison.Ordinal);
        Assert.Equal(["notMe", "doNotWant"], nl.Content.RightToObject.Kinds);
        Assert.Equal($"/api/v1/public/{p.Tenant}/algorithm", nl.Content.HowProfilesWereMade.Link);
        Assert.NotNull(nl.Content.Decision);
        Assert.Equal("decided", nl.Content.Status);
        var en = await p.Portal.CitizenPortal.GetCitizenExplanationAsync(new ExplanationCitizenRequest { SubjectId = subject }, acceptLanguage: "en-GB,en;q=0.9");
        Assert.Equal("en", en.Content!.Language);
        Assert.Equal("Single parent on a low income", en.Content.Profile.Name);
        Assert.Contains("This is advice", en.Content.Advice, StringComparison.Ordinal);
        Assert.Contains("This is not me", en.Content.RightToObject.Text, StringComparison.Ordinal);
        Assert.Equal("16,800", en.Content.Data.Single(d => d.Feature == "income").Value);
        Assert.Equal("rented", en.Content.Data.Single(d => d.Feature == "housing").Value);

        // The access log shows the case worker and the reason they gave, and the defaults elsewhere.
        var log = await p.Portal.CitizenPortal.GetCitizenAccessLogAsync(new AccessLogCitizenRequest { SubjectId = subject });
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
        Assert.All(entries, e => Assert.False(string.IsNullOrEmpty(e.Reason)));
        Assert.Equal(entries.Select(e => e.At).OrderByDescending(t => t), entries.Select(e => e.At));

        // An objection restricts at once: no new advice, the assignment shows it contested.
        var objection = await p.Portal.CitizenPortal.CreateCitizenObjectionAsync(new ObjectionCitizenRequest { SubjectId = subject, Kind = "notMe", Message = "Ik werk inmiddels." });
        Assert.Equal(HttpStatusCode.Created, objection.StatusCode);
        Assert.Equal("open", objection.Content!.Status);
        var refused = await p.CaseWorker.Assignments.CreateAssignmentAsync(Ask(subject));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("objection-open", refused.Problem()!.Code);
        var contested = (await p.CaseWorker.Assignments.GetAssignmentAsync(advice.Id)).Content!;
        Assert.Equal("contested", contested.Status);
        Assert.Null(contested.ProfileId);
        Assert.Null(contested.Explanation);
        Assert.Equal("open", contested.Objection!.Status);

        // Review: rejected, so advice may be given again.
        var open = await p.Reviewer.Objections.ListObjectionsAsync(status: "open");
        var listed = Assert.Single(open.Content!.Items);
        Assert.Equal(objection.Content.Id, listed.Id);
        Assert.Equal(advice.Id, listed.AssignmentId);
        Assert.Equal("Ik werk inmiddels.", listed.Message);
        var review = await p.Reviewer.Objections.ReviewObjectionAsync(listed.Id, new ReviewObjectionRequest { Outcome = "rejected", Reasoning = "Gegevens gecontroleerd; het inkomen klopt." });
        Assert.Equal(HttpStatusCode.OK, review.StatusCode);
        Assert.Equal("rejected", review.Content!.Status);
        Assert.Equal(Reviewer, review.Content.Review!.UserRepresentation);
        Assert.Equal(HttpStatusCode.Conflict, (await p.Reviewer.Objections.ReviewObjectionAsync(listed.Id, new ReviewObjectionRequest { Outcome = "upheld", Reasoning = "Nogmaals." })).StatusCode);
        var again = await p.CaseWorker.Assignments.CreateAssignmentAsync(Ask(subject));
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(TestProfileSets.SingleParent, again.Content!.ProfileId);

        var finalLog = (await p.Portal.CitizenPortal.GetCitizenAccessLogAsync(new AccessLogCitizenRequest { SubjectId = subject })).Content!.Items;
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
        var objection = (await p.Portal.CitizenPortal.CreateCitizenObjectionAsync(new ObjectionCitizenRequest { SubjectId = subject, Kind = "doNotWant" })).Content!;

        var review = await p.Reviewer.Objections.ReviewObjectionAsync(objection.Id, new ReviewObjectionRequest { Outcome = "upheld", Reasoning = "Mevrouw wil geen profiel; dat respecteren wij." });

        Assert.Equal("upheld", review.Content!.Status);
        var withdrawn = (await p.CaseWorker.Assignments.GetAssignmentAsync(advice.Id)).Content!;
        Assert.Equal("withdrawn", withdrawn.Status);
        Assert.Null(withdrawn.ProfileId);
        var refused = await p.CaseWorker.Assignments.CreateAssignmentAsync(Ask(subject));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("objection-upheld", refused.Problem()!.Code);
        Assert.Equal(HttpStatusCode.Conflict, (await p.CaseWorker.Assignments.DecideAssignmentAsync(advice.Id, new DecideAssignmentRequest { Outcome = "follows", Reasoning = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await p.Portal.CitizenPortal.GetCitizenExplanationAsync(new ExplanationCitizenRequest { SubjectId = subject })).StatusCode);
    }

    [Fact]
    public async Task Scopes_keep_the_portal_and_the_case_worker_apart()
    {
        var p = await PartiesAsync();
        var subject = api.NewSubjectId();
        var advice = (await p.CaseWorker.Assignments.CreateAssignmentAsync(Ask(subject))).Content!;

        Assert.Equal(HttpStatusCode.Forbidden, (await p.Portal.Assignments.CreateAssignmentAsync(Ask(subject))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await p.Portal.Assignments.GetAssignmentAsync(advice.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await p.Portal.Objections.ListObjectionsAsync()).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await p.CaseWorker.CitizenPortal.GetCitizenExplanationAsync(new ExplanationCitizenRequest { SubjectId = subject })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await p.CaseWorker.CitizenPortal.GetCitizenAccessLogAsync(new AccessLogCitizenRequest { SubjectId = subject })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await p.CaseWorker.CitizenPortal.CreateCitizenObjectionAsync(new ObjectionCitizenRequest { SubjectId = subject, Kind = "notMe" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await p.CaseWorker.Objections.ListObjectionsAsync()).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await p.Reviewer.Assignments.GetAssignmentAsync(advice.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await p.Reviewer.CitizenPortal.GetCitizenAccessLogAsync(new AccessLogCitizenRequest { SubjectId = subject })).StatusCode);
    }

    [Fact]
    public async Task Another_tenant_sees_nothing_and_gets_404()
    {
        var owner = await PartiesAsync();
        var stranger = await PartiesAsync();
        var subject = api.NewSubjectId();
        var advice = (await owner.CaseWorker.Assignments.CreateAssignmentAsync(Ask(subject))).Content!;
        var objection = (await owner.Portal.CitizenPortal.CreateCitizenObjectionAsync(new ObjectionCitizenRequest { SubjectId = subject, Kind = "notMe" })).Content!;

        var read = await stranger.CaseWorker.Assignments.GetAssignmentAsync(advice.Id);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(404, read.Problem()!.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.CaseWorker.Assignments.DecideAssignmentAsync(advice.Id, new DecideAssignmentRequest { Outcome = "follows", Reasoning = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Reviewer.Objections.ReviewObjectionAsync(objection.Id, new ReviewObjectionRequest { Outcome = "upheld", Reasoning = "x" })).StatusCode);
        Assert.Empty((await stranger.Reviewer.Objections.ListObjectionsAsync()).Content!.Items);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Portal.CitizenPortal.GetCitizenExplanationAsync(new ExplanationCitizenRequest { SubjectId = subject })).StatusCode);
        Assert.DoesNotContain((await stranger.Portal.CitizenPortal.GetCitizenAccessLogAsync(new AccessLogCitizenRequest { SubjectId = subject })).Content!.Items, e => e.ActionCode != "accessLog.read");
        // The owner's objection stays open: the stranger's review changed nothing.
        Assert.Equal("contested", (await owner.CaseWorker.Assignments.GetAssignmentAsync(advice.Id)).Content!.Status);
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
        Assert.Equal("not_allowed", codes["features.benefit"]);
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
        Assert.Equal("advice", advice.Status);

        var retry = await p.CaseWorker.Assignments.CreateAssignmentAsync(Ask(subject), idempotencyKey: key, acceptLanguage: "en");
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal("true", retry.Headers!.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(advice.Id, retry.Content!.Id);
        Assert.Equal(advice.ProfileId, retry.Content.ProfileId);
        Assert.Equal("en", retry.Content.Explanation!.Language);
        Assert.Equal(first.Headers!.Location, retry.Headers.Location);

        await p.Portal.CitizenPortal.CreateCitizenObjectionAsync(new ObjectionCitizenRequest { SubjectId = subject, Kind = "doNotWant" });
        var contested = await p.CaseWorker.Assignments.CreateAssignmentAsync(Ask(subject), idempotencyKey: key);
        Assert.Equal(HttpStatusCode.Created, contested.StatusCode);
        Assert.Equal("contested", contested.Content!.Status);
        Assert.Null(contested.Content.ProfileId);
        Assert.Null(contested.Content.Distances);
        Assert.Null(contested.Content.Explanation);

        var log = (await p.Portal.CitizenPortal.GetCitizenAccessLogAsync(new AccessLogCitizenRequest { SubjectId = subject })).Content!.Items;
        Assert.Single(log, e => e.ActionCode == "assignment.create");
        Assert.Equal(2, log.Count(e => e.ActionCode == "assignment.read"));
    }

    [Fact]
    public async Task A_decision_needs_a_person_and_reasoning()
    {
        var p = await PartiesAsync();
        var (machine, _) = await api.ClientAsync(p.Tenant, null, null, "assignments:write");
        var advice = (await p.CaseWorker.Assignments.CreateAssignmentAsync(Ask(api.NewSubjectId()), acceptLanguage: "en")).Content!;
        Assert.Equal("en", advice.Explanation!.Language);
        Assert.Contains("This is advice", advice.Notice.Advice, StringComparison.Ordinal);

        var anonymous = await machine.Assignments.DecideAssignmentAsync(advice.Id, new DecideAssignmentRequest { Outcome = "follows", Reasoning = "Past goed." });
        var unreasoned = await p.CaseWorker.Assignments.DecideAssignmentAsync(advice.Id, new DecideAssignmentRequest { Outcome = "maybe" });

        Assert.Equal(HttpStatusCode.BadRequest, anonymous.StatusCode);
        Assert.Equal("user-required", anonymous.Problem()!.Code);
        Assert.Equal(["outcome", "reasoning"], unreasoned.Problem()!.InvalidParams!.Select(i => i.Name).Order());
        Assert.Equal("advice", (await p.CaseWorker.Assignments.GetAssignmentAsync(advice.Id)).Content!.Status);
    }

    [Fact]
    public async Task An_overlong_user_representation_is_stored_cut_to_its_column()
    {
        var p = await PartiesAsync();
        var (verbose, _) = await api.ClientAsync(p.Tenant, "mw-9", new string('x', 300), "assignments:write");
        var advice = (await verbose.Assignments.CreateAssignmentAsync(Ask(api.NewSubjectId()))).Content!;

        var decided = await verbose.Assignments.DecideAssignmentAsync(advice.Id, new DecideAssignmentRequest { Outcome = "follows", Reasoning = "Past." });

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
        Assert.Equal("In gebruik", entry.Status);
        Assert.Equal("NLD", entry.Lang);
        Assert.Equal(TransparencyFixture.ContactEmail, entry.ContactEmail);
        Assert.Contains("k = 3", entry.MethodsAndModels, StringComparison.Ordinal);
        Assert.Contains("minstens 10", entry.MethodsAndModels, StringComparison.Ordinal);
        Assert.Contains("besteedbaar inkomen per jaar", entry.SourceData, StringComparison.Ordinal);
        Assert.Contains("beslist", entry.HumanIntervention, StringComparison.Ordinal);
        Assert.All(new[] { entry.Name, entry.DescriptionShort, entry.Goal, entry.Proportionality, entry.Risks, entry.LawfulBasis }, text => Assert.False(string.IsNullOrWhiteSpace(text)));
        Assert.Equal("2026-11-02", entry.BeginDate);
        Assert.Equal(3, entry.ProfileSet!.K);
        Assert.Equal("protected", entry.ProfileSet!.Features.Single(f => f.Name == "migration_background").Role);
        Assert.Equal("ENG", en.Content!.Lang);
        Assert.Equal("In use", en.Content.Status);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Raw_subject_ids_appear_nowhere_in_the_database_files_or_the_logs()
    {
        var p = await PartiesAsync();
        var subject = api.NewSubjectId();
        var advice = (await p.CaseWorker.Assignments.CreateAssignmentAsync(Ask(subject), idempotencyKey: Guid.NewGuid().ToString())).Content!;
        await p.CaseWorker.Assignments.DecideAssignmentAsync(advice.Id, new DecideAssignmentRequest { Outcome = "follows", Reasoning = "Past." });
        await p.Portal.CitizenPortal.GetCitizenExplanationAsync(new ExplanationCitizenRequest { SubjectId = subject });
        await p.Portal.CitizenPortal.CreateCitizenObjectionAsync(new ObjectionCitizenRequest { SubjectId = subject, Kind = "notMe", Message = "Niet ik." }, idempotencyKey: Guid.NewGuid().ToString());
        await p.Portal.CitizenPortal.GetCitizenAccessLogAsync(new AccessLogCitizenRequest { SubjectId = subject });
        await p.CaseWorker.Assignments.CreateAssignmentAsync(Ask(subject));

        Assert.NotEmpty(api.DatabaseFiles());
        // The scan finds what is stored (the tenant's slug, the objection's message), so an empty result means something.
        Assert.NotEmpty(api.Find(p.Tenant));
        Assert.NotEmpty(api.Find("Niet ik."));
        Assert.True(api.Logs.Count > 0, "The log sink saw nothing, so the check below would prove nothing.");
        Assert.Empty(api.Leaks());
        // The fixture repeats this check over every id of every test once the whole class is done.
    }
}
