using System.Net;
using System.Text.Json;
using Flux.OpsCenter.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Flux.OpsCenter.Tests.Web.Api;

public sealed class DiagnosticsApiTests(DiagnosticsApiTests.FrozenClockFactory factory) : IClassFixture<DiagnosticsApiTests.FrozenClockFactory>
{
    /// <summary>The app on a clock that stands still, so "right after" stays within the 5 s however long a compaction takes.</summary>
    public sealed class FrozenClockFactory : OpsCenterAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(new FakeTimeProvider(TestTerritory.AsOf)));
        }
    }

    [Fact]
    public async Task Memory_report_compacts_once_and_refuses_another_compaction_right_after()
    {
        using var client = factory.CreateClient();
        var token = TestContext.Current.CancellationToken;

        using var compacted = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/diagnostics/memory?compact=true", UriKind.Relative), token));
        var again = await client.GetAsync(new Uri("/api/diagnostics/memory?compact=true", UriKind.Relative), token);
        using var plain = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/diagnostics/memory", UriKind.Relative), token));

        var report = compacted.RootElement;
        Assert.True(report.GetProperty("compacted").GetBoolean());
        Assert.InRange(report.GetProperty("managedBytes").GetInt64(), 1, report.GetProperty("committedBytes").GetInt64());
        Assert.True(report.GetProperty("workingSetBytes").GetInt64() > report.GetProperty("managedBytes").GetInt64());
        Assert.True(report.GetProperty("gen2Collections").GetInt32() >= 1);
        // The hub relay and the map status follower subscribe even with no page open.
        Assert.True(report.GetProperty("liveSubscribers").GetInt32() >= 1);
        Assert.Equal(0, report.GetProperty("openCircuits").GetInt32());
        Assert.Equal((HttpStatusCode)429, again.StatusCode);
        Assert.False(plain.RootElement.GetProperty("compacted").GetBoolean());
    }
}
