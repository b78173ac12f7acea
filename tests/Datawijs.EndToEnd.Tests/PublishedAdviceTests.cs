using System.Net;
using System.Text.Json;
using Datawijs.Api.Hosting;
using Datawijs.Client;
using Datawijs.Domain.Datasets;
using Datawijs.Domain.Synthetic;
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
        var slug = ApiFixture.NewTenant();
        var issued = await api.Host.AddClientAsync(slug);
        var caseWorker = api.ClientFor(issued, userId: "mw-12", userRepresentation: "Medewerker Inkomen");
        var tenant = (await api.Host.FindTenantAsync(slug))!;

        var none = await caseWorker.Assignments.CreateAssignmentAsync(FoodBankData.Ask("900000011", FoodBankData.Household(0)));
        Assert.Equal(HttpStatusCode.Conflict, none.StatusCode);

        Assert.True(await api.Host.Services.GetRequiredService<DemoProfiles>().EnsureAsync(tenant.Id));
        var published = (await caseWorker.PublicProfiles.ListPublicProfilesAsync(slug)).Content!;
        var names = published.View.Profiles.Select(p => p.Name.Nl).ToHashSet();

        var advice = await caseWorker.Assignments.CreateAssignmentAsync(FoodBankData.Ask("900000011", FoodBankData.Household(3)), xAuditToelichting: "Intake schuldhulp");
        Assert.Equal(HttpStatusCode.Created, advice.StatusCode);
        var assignment = advice.Content!;
        Assert.Equal("advice", assignment.Status);
        Assert.Contains(assignment.ProfileName!, names);
        Assert.Equal(5, assignment.Distances!.Count);
        Assert.Equal(assignment.Distances.Min(d => d.Distance), assignment.Distances.Single(d => d.ProfileId == assignment.ProfileId).Distance);

        var explanation = await caseWorker.CitizenPortal.GetCitizenExplanationAsync(new ExplanationCitizenRequest { SubjectId = "900000011" });
        Assert.Equal(HttpStatusCode.OK, explanation.StatusCode);
        Assert.Equal(assignment.Id, explanation.Content!.AssignmentId);

        // The demo declares B1 labels, so the citizen reads words, not column names or codes.
        var text = explanation.Content.Text;
        Assert.Contains("besteedbaar inkomen per jaar", text, StringComparison.Ordinal);
        Assert.Contains("Uw ", explanation.Content.Reasons, StringComparison.Ordinal);
        foreach (var code in new[] { "benefitType", "disposableIncome", "householdType", "youthCare", "wmoSupport", "socialAssistance", "rentWithAllowance", "singleParent" })
        {
            Assert.DoesNotContain(code, text, StringComparison.Ordinal);
        }

        var english = (await caseWorker.CitizenPortal.GetCitizenExplanationAsync(new ExplanationCitizenRequest { SubjectId = "900000011" }, acceptLanguage: "en")).Content!;
        Assert.Contains("disposable income per year", english.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("disposableIncome", english.Text, StringComparison.Ordinal);
    }
}
