using System.Net;
using System.Net.Http.Json;
using Flux.OpsCenter.Data.Synthetic;
using Flux.OpsCenter.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.OpsCenter.Tests.Web.Api;

public sealed class SimulatorApiTests
{
    [Fact]
    public async Task Simulator_api_is_not_mapped_unless_asked_for()
    {
        await using var factory = new OpsCenterAppFactory();
        using var client = factory.CreateClient();
        await factory.Services.GetRequiredService<LiveEventSimulator>().InitializeAsync(TestContext.Current.CancellationToken);
        var activeBefore = ActiveOutages(factory);

        var response = await client.PostAsync(new Uri("/api/simulator/faults", UriKind.Relative), null, TestContext.Current.CancellationToken);

        // Unmapped, the POST falls through to the Blazor endpoint, which refuses it.
        Assert.False(response.IsSuccessStatusCode);
        Assert.Equal(activeBefore, ActiveOutages(factory));
    }

    [Fact]
    public async Task A_posted_fault_and_its_restoration_are_written_to_the_database()
    {
        await using var factory = new OpsCenterAppFactory();
        factory.Settings["OpsCenter:Simulator:ControlApi"] = "true";
        using var client = factory.CreateClient();
        await factory.Services.GetRequiredService<LiveEventSimulator>().InitializeAsync(TestContext.Current.CancellationToken);
        var activeBefore = ActiveOutages(factory);

        var response = await client.PostAsync(new Uri("/api/simulator/faults", UriKind.Relative), null, TestContext.Current.CancellationToken);
        var fault = await response.Content.ReadFromJsonAsync<SimulatedFault>(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(fault);
        Assert.Equal(activeBefore + 1, ActiveOutages(factory));
        var restore = new Uri($"/api/simulator/outages/{fault.OutageId}/restore", UriKind.Relative);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync(restore, null, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal("RESTORED", ViewQueries.Scalar(factory.DatabasePath, $"SELECT STATUS FROM PRODUCTION.OUTAGE_RESTORATION_TRACKER WHERE OUTAGE_ID = '{fault.OutageId}'"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync(restore, null, TestContext.Current.CancellationToken)).StatusCode);
    }

    private static long ActiveOutages(OpsCenterAppFactory factory) =>
        ViewQueries.Long(factory.DatabasePath, "SELECT COUNT(*) FROM PRODUCTION.OUTAGE_RESTORATION_TRACKER WHERE OUTAGE_END_TIME IS NULL");
}
