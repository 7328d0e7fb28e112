using System.Net;
using System.Net.Http.Json;
using Flux.OpsCenter.Tests.Support;
using Flux.OpsCenter.Web.Api;
using Flux.OpsCenter.Web.Live;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.OpsCenter.Tests.Web.Api;

/// <summary>The API write for alarms, authorised by role on the server, in embedded mode with its local identity.</summary>
public sealed class AlarmApiTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_viewer_gets_403_problem_details_and_nothing_is_written()
    {
        await using var factory = new OpsCenterAppFactory();
        factory.Settings["OpsCenter:Identity:LocalUser"] = "wall viewer";
        factory.Settings["OpsCenter:Identity:LocalRole"] = "Viewer";
        using var client = factory.CreateClient();
        var alarmId = await UnacknowledgedAlarmAsync(factory);

        using var response = await client.PostAsJsonAsync(AcknowledgeUri(alarmId), new AcknowledgeAlarmRequest("not allowed"), Token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Viewer", await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        Assert.Equal(0, ViewQueries.Long(factory.DatabasePath, $"SELECT COUNT(*) FROM APPLICATIONS.ALARM_ACKNOWLEDGEMENTS WHERE ALARM_ID = '{alarmId}'"));
    }

    [Fact]
    public async Task The_local_operator_acknowledges_and_it_is_recorded_under_the_operators_name()
    {
        await using var factory = new OpsCenterAppFactory();
        using var client = factory.CreateClient();
        var alarmId = await UnacknowledgedAlarmAsync(factory);

        using var response = await client.PostAsJsonAsync(AcknowledgeUri(alarmId), new AcknowledgeAlarmRequest("crew informed"), Token);
        using var again = await client.PostAsync(AcknowledgeUri(alarmId), null, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<AlarmAcknowledgementResponse>(Token);
        Assert.Equal(new AlarmAcknowledgementResponse(alarmId, true, "local operator"), answer);
        Assert.Equal(new AlarmAcknowledgementResponse(alarmId, false, null), await again.Content.ReadFromJsonAsync<AlarmAcknowledgementResponse>(Token));
        Assert.Equal(1, ViewQueries.Long(factory.DatabasePath,
            $"SELECT COUNT(*) FROM APPLICATIONS.ALARM_ACKNOWLEDGEMENTS WHERE ALARM_ID = '{alarmId}' AND ACKNOWLEDGED_BY = 'local operator' AND COMMENT = 'crew informed'"));
    }

    [Fact]
    public async Task Unknown_alarm_is_404_and_an_overlong_comment_is_400()
    {
        await using var factory = new OpsCenterAppFactory();
        using var client = factory.CreateClient();
        var alarmId = await UnacknowledgedAlarmAsync(factory);

        using var unknown = await client.PostAsync(AcknowledgeUri("NEW-NOPE"), null, Token);
        using var overlong = await client.PostAsJsonAsync(AcknowledgeUri(alarmId), new AcknowledgeAlarmRequest(new string('x', 501)), Token);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, overlong.StatusCode);
        Assert.Equal("application/problem+json", overlong.Content.Headers.ContentType?.MediaType);
    }

    private static Uri AcknowledgeUri(string alarmId) => new($"/api/alarms/{Uri.EscapeDataString(alarmId)}/acknowledge", UriKind.Relative);

    private static async Task<string> UnacknowledgedAlarmAsync(OpsCenterAppFactory factory)
    {
        await factory.Services.GetRequiredService<GridStatusMonitor>().PollOnceAsync(Token);
        return factory.Services.GetRequiredService<GridStatusFeed>().Current!.Alarms.First(a => !a.IsAcknowledged).AlarmId;
    }
}
