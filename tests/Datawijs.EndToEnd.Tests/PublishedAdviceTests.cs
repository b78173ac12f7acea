using Datawijs.Api.Admin;
using Datawijs.Tests.Shared;
using System.Net;
using Datawijs.Api.Demo;
using Datawijs.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Datawijs.EndToEnd.Tests;

/// <summary>
/// Advice against a profile set that went through the real upload, clustering, naming and
/// publication (the demo path), read back by the production reader: the profile the API advises
/// is the one the stored model assigns.
/// </summary>
public sealed class PublishedAdviceTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Advice_uses_the_published_set_and_the_citizen_sees_the_same_profile()
    {
        var slug = TestApiHost.CitizenTenant();
        var issued = await api.Host.AddClientAsync(slug);
        var caseWorker = api.ClientFor(issued, userId: "mw-12", userRepresentation: "Medewerker Inkomen");
        var tenant = (await api.Host.FindTenantAsync(slug))!;

        var none = await caseWorker.Assignments.CreateAssignmentAsync(FoodBankData.Ask("999990019", FoodBankData.Household(0)));
        Assert.Equal(HttpStatusCode.Conflict, none.StatusCode);

        Assert.True(await api.Host.Services.GetRequiredService<DemoProfiles>().EnsureAsync(tenant.Id));
        var published = (await caseWorker.PublicProfiles.GetPublicProfileSetAsync(slug)).Content!;
        var names = published.View.Profiles.Select(p => p.Name.Nl).ToHashSet();

        var advice = await caseWorker.Assignments.CreateAssignmentAsync(FoodBankData.Ask("999990019", FoodBankData.Household(3)), auditReason: "Intake schuldhulp");
        Assert.Equal(HttpStatusCode.Created, advice.StatusCode);
        var assignment = advice.Content!;
        Assert.Equal(AssignmentStatus.Advice, assignment.Status);
        Assert.Contains(assignment.ProfileName!, names);
        Assert.Equal(5, assignment.Distances!.Count);
        Assert.Equal(assignment.Distances.Min(d => d.Distance), assignment.Distances.Single(d => d.ProfileId == assignment.ProfileId).Distance);

        // The same BSN written another way is the same citizen.
        var explanation = await api.Citizen(slug, "99999.0019").CitizenPortal.GetCitizenExplanationAsync();
        Assert.Equal(HttpStatusCode.OK, explanation.StatusCode);
        Assert.Equal(assignment.Id, explanation.Content!.Advice!.AssignmentId);

        // The demo declares B1 labels, so the citizen reads words, not column names or codes.
        var text = explanation.Content.Advice.Text;
        Assert.Contains("inkomen per jaar is € ", text, StringComparison.Ordinal);
        Assert.StartsWith("Deze gegevens wogen het zwaarst. U", explanation.Content.Advice.Reasons, StringComparison.Ordinal);
        foreach (var code in new[] { "benefitType", "disposableIncome", "householdType", "youthCare", "wmoSupport", "socialAssistance", "rentWithAllowance", "singleParent" })
        {
            Assert.DoesNotContain(code, text, StringComparison.Ordinal);
        }

        var english = (await api.Citizen(slug, "999990019").CitizenPortal.GetCitizenExplanationAsync(acceptLanguage: "en")).Content!;
        Assert.Contains("income per year is €", english.Advice!.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("disposableIncome", english.Advice.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_citizen_sees_the_datasets_their_record_is_in_with_purpose_and_retention_and_who_may_look()
    {
        var slug = TestApiHost.CitizenTenant();
        var issued = await api.Host.AddClientAsync(slug, "assignments:write", "scans:read");
        var tenant = (await api.Host.FindTenantAsync(slug))!;
        await api.Host.Services.GetRequiredService<TenantAdministration>().AddClientAsync(tenant, ["objections:review"], "Zaaksysteem Werk en Inkomen");
        await api.Host.AddClientAsync(slug, "scans:read", "scans:write");
        Assert.True(await api.Host.Services.GetRequiredService<DemoProfiles>().EnsureAsync(tenant.Id));

        // Household 3 of the demo data is in the dataset (found by pseudonym now; nothing was logged per record on upload).
        var inData = (await api.Citizen(slug, DemoProfiles.SubjectId(3)).CitizenPortal.GetCitizenDataProcessingAsync()).Content!;
        var notInData = (await api.Citizen(slug, "999990019").CitizenPortal.GetCitizenDataProcessingAsync(acceptLanguage: "en")).Content!;

        var dataset = Assert.Single(inData.Datasets);
        Assert.Equal("Voedselbank Demogemeente (synthetisch)", dataset.Name);
        Assert.Contains("voedselbank", dataset.Purpose, StringComparison.Ordinal);
        Assert.True(dataset.RetentionUntil > DateOnly.FromDateTime(DateTime.UtcNow));
        Assert.False(inData.ExcludedFromNewClusterings);
        Assert.Equal($"/api/v1/public/{slug}/profiles", inData.Profiles.Link);
        // Who may look: the case-management client by name with its activity (a scans-only client touches no personal data), and the portal.
        var caseManagement = Assert.Single(inData.MayLook, a => a.Application == issued.ClientId);
        Assert.Equal([AllowedActivityCode.ProfileAdvice], caseManagement.Activities.Select(a => a.Code));
        Assert.Contains(inData.MayLook, a => a.Application == TestBroker.PortalName && a.Activities.Single().Code == AllowedActivityCode.CitizenAccess);
        Assert.Equal([AllowedActivityCode.ObjectionHandling], Assert.Single(inData.MayLook, a => a.Application == "Zaaksysteem Werk en Inkomen").Activities.Select(a => a.Code));
        Assert.Equal(3, inData.MayLook.Count);
        Assert.DoesNotContain(issued.Secret, System.Text.Json.JsonSerializer.Serialize(inData), StringComparison.Ordinal);
        Assert.Empty(notInData.Datasets);
        Assert.Equal(Language.En, notInData.Language);
        Assert.Contains("does not say what is true of you", notInData.Profiles.Caveat, StringComparison.Ordinal);
    }
}
