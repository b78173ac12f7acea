using System.Net;
using Datawijs.Api.Demo;
using Datawijs.Client;
using Datawijs.Domain.Disclosure;
using Microsoft.Extensions.DependencyInjection;
using Datawijs.Api.Features.ProfileSets;

namespace Datawijs.EndToEnd.Tests;

/// <summary>
/// The three-probe reconstruction of a profile's centre, run against the API as an attacker with an
/// assignments client would: three advice requests that differ only in one numeric feature.
/// </summary>
public sealed class AdviceReconstructionTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static readonly string Subject = Datawijs.Tests.Shared.SyntheticBsns.Next();

    /// <summary>The term of one feature is (x − c)² / sd²: three probes give the quadratic, and c = −b / 2a.</summary>
    private static double Reconstruct(double[] x, List<double> t)
    {
        var d01 = (t[1] - t[0]) / (x[1] - x[0]);
        var d12 = (t[2] - t[1]) / (x[2] - x[1]);
        var a = (d12 - d01) / (x[2] - x[0]);
        var b = d01 - (a * (x[0] + x[1]));
        return -b / (2 * a);
    }

    [Fact]
    public async Task Three_advice_probes_no_longer_give_a_profiles_centre_beyond_the_published_rounding()
    {
        var slug = ApiFixture.NewTenant();
        var caseWorker = api.ClientFor(await api.Host.AddClientAsync(slug), userId: "mw-13", userRepresentation: "Medewerker Inkomen");
        var tenant = (await api.Host.FindTenantAsync(slug))!;
        Assert.True(await api.Host.Services.GetRequiredService<DemoProfiles>().EnsureAsync(tenant.Id));
        var model = (await api.Host.Services.GetRequiredService<IPublishedProfileSetReader>().GetCurrentAsync(tenant.Id, CancellationToken.None))!;
        var household = FoodBankData.Household(3);

        // The attacker's best probes: far apart, so that the terms are large and their rounding matters least.
        // Tried in turn until three fall in the same profile, as an attacker would.
        foreach (var ages in new[] { new[] { 18.0, 19, 70 }, [18.0, 30, 45], [25.0, 40, 55], [30.0, 35, 40] })
        {
            var terms = new List<double>();
            var profiles = new HashSet<Guid>();
            foreach (var age in ages)
            {
                var features = new Dictionary<string, FeatureValue>(household) { ["age"] = age };
                var advice = await caseWorker.Assignments.CreateAssignmentAsync(FoodBankData.Ask(Subject, features), auditReason: "Onderzoek");
                Assert.Equal(HttpStatusCode.Created, advice.StatusCode);
                profiles.Add(advice.Content!.ProfileId!.Value);
                terms.Add(advice.Content.Contributions!.Single(c => c.Feature == "age").Term);
            }

            if (profiles.Count != 1)
            {
                continue;
            }

            var exact = model.Space.Profiles.Single(p => p.Id == profiles.Single()).Centroid["age"].Number!.Value;
            var rounded = PublishedFigures.Centre("age", exact);
            Assert.True(Math.Abs(rounded - exact) > 0.1, "this demo profile's exact centre must differ from its rounding for the test to tell them apart");

            var recovered = Reconstruct(ages, terms);

            Assert.True(
                Math.Abs(recovered - exact) >= Math.Abs(rounded - exact) - 0.05,
                $"Three probes recovered the centre as {recovered}; exact {exact}, published rounding {rounded}.");

            // Reading the advice back gives the same figures, and a numeric profile value is the published median.
            var last = (await caseWorker.Assignments.CreateAssignmentAsync(FoodBankData.Ask(Subject, household), auditReason: "Onderzoek")).Content!;
            var read = (await caseWorker.Assignments.GetAssignmentAsync(last.Id)).Content!;
            Assert.Equal(last.Contributions!.Select(c => (c.Feature, c.Term, c.RunnerUpTerm)), read.Contributions!.Select(c => (c.Feature, c.Term, c.RunnerUpTerm)));
            Assert.Equal(last.Distances!.Select(d => d.Distance), read.Distances!.Select(d => d.Distance));
            Assert.Equal(last.Margin, read.Margin);
            var published = (await caseWorker.PublicProfiles.GetPublicProfileSetAsync(slug)).Content!.View.Profiles.Single(p => p.Id == last.ProfileId);
            foreach (var contribution in read.Contributions!.Where(c => c.ProfileValue.IsNumber))
            {
                Assert.Equal(published.Medians.Single(m => m.Feature == contribution.Feature).Median, contribution.ProfileValue.AsNumber());
            }

            return;
        }

        Assert.Fail("No three probes fell in one profile.");
    }
}
