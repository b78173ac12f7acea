using System.Net;
using Datawijs.Api.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace Datawijs.EndToEnd.Tests;

public sealed class DemoOutflowTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Demo_publishes_time_to_outflow_per_profile_so_a_newcomer_sees_curves()
    {
        var slug = ApiFixture.NewTenant();
        var client = await api.ClientAsync(slug);
        var tenant = (await api.Host.FindTenantAsync(slug))!;
        Assert.True(await api.Host.Services.GetRequiredService<DemoProfiles>().EnsureAsync(tenant.Id));

        var outflow = await client.PublicProfiles.GetPublicOutflowAsync(slug);

        Assert.Equal(HttpStatusCode.OK, outflow.StatusCode);
        Assert.Equal(Datawijs.Client.DurationUnit.Months, outflow.Content!.Outflow.DurationUnit);
        Assert.Equal(5, outflow.Content.Outflow.Groups.Count);
        Assert.All(outflow.Content.Outflow.Groups, g => Assert.True(g.Curve.Count > 2));
        Assert.Contains(outflow.Content.Outflow.Groups, g => g.Median is not null);
        var dataset = (await client.Datasets.ListDatasetsAsync()).Content!.Items.Single();
        Assert.Equal(Datawijs.Client.DurationUnit.Months, dataset.DurationUnit);
    }
}
