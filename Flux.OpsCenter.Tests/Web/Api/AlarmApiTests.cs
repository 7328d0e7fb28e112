using System.Net;
using System.Net.Http.Json;
using Flux.OpsCenter.Tests.Support;
using Flux.OpsCenter.Web.Api;
using Flux.OpsCenter.Web.Identity;
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

    [Fact]
    public async Task Acknowledge_selected_records_every_alarm_once_and_refuses_unknown_or_empty_selections()
    {
        await using var factory = new OpsCenterAppFactory();
        using var client = factory.CreateClient();
        await factory.Services.GetRequiredService<GridStatusMonitor>().PollOnceAsync(Token);
        var alarmIds = factory.Services.GetRequiredService<GridStatusFeed>().Current!.Alarms.Where(a => !a.IsAcknowledged).Take(2).Select(a => a.AlarmId).ToList();
        var uri = new Uri("/api/alarms/acknowledge", UriKind.Relative);

        using var response = await client.PostAsJsonAsync(uri, new AcknowledgeAlarmsRequest(alarmIds, "storm"), Token);
        using var again = await client.PostAsJsonAsync(uri, new AcknowledgeAlarmsRequest(alarmIds, "storm"), Token);
        using var unknown = await client.PostAsJsonAsync(uri, new AcknowledgeAlarmsRequest([alarmIds[0], "NEW-NOPE"], null), Token);
        using var empty = await client.PostAsJsonAsync(uri, new AcknowledgeAlarmsRequest([], null), Token);

        Assert.Equal(2, alarmIds.Count);
        Assert.Equal(new AlarmsAcknowledgementResponse(2, 2), await response.Content.ReadFromJsonAsync<AlarmsAcknowledgementResponse>(Token));
        Assert.Equal(new AlarmsAcknowledgementResponse(2, 0), await again.Content.ReadFromJsonAsync<AlarmsAcknowledgementResponse>(Token));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal("application/problem+json", empty.Content.Headers.ContentType?.MediaType);
        Assert.Equal(2, ViewQueries.Long(factory.DatabasePath, "SELECT COUNT(*) FROM APPLICATIONS.AUDIT_LOG WHERE ACTION = 'ACKNOWLEDGE_ALARM' AND USER_NAME = 'local operator' AND DETAIL = 'storm'"));
    }

    [Fact]
    public async Task Shelve_needs_a_reason_and_5_to_720_minutes_is_idempotent_and_unshelve_ends_it()
    {
        await using var factory = new OpsCenterAppFactory();
        using var client = factory.CreateClient();
        var alarmId = await UnacknowledgedAlarmAsync(factory);
        var shelve = new Uri($"/api/alarms/{Uri.EscapeDataString(alarmId)}/shelve", UriKind.Relative);
        var unshelve = new Uri($"/api/alarms/{Uri.EscapeDataString(alarmId)}/unshelve", UriKind.Relative);

        using var noReason = await client.PostAsJsonAsync(shelve, new ShelveAlarmRequest("", 60), Token);
        using var tooLong = await client.PostAsJsonAsync(shelve, new ShelveAlarmRequest("why", 721), Token);
        using var noBody = await client.PostAsync(shelve, null, Token);
        using var unknown = await client.PostAsJsonAsync(new Uri("/api/alarms/NEW-NOPE/shelve", UriKind.Relative), new ShelveAlarmRequest("why", 60), Token);
        using var shelved = await client.PostAsJsonAsync(shelve, new ShelveAlarmRequest("crew on site", 60), Token);
        using var again = await client.PostAsJsonAsync(shelve, new ShelveAlarmRequest("crew on site", 60), Token);
        using var unshelved = await client.PostAsync(unshelve, null, Token);
        using var history = await client.GetAsync(new Uri($"/api/alarms/{Uri.EscapeDataString(alarmId)}/history", UriKind.Relative), Token);

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.NotFound],
            new[] { noReason, tooLong, noBody, unknown }.Select(r => r.StatusCode));
        Assert.Equal(new AlarmShelfResponse(alarmId, true), await shelved.Content.ReadFromJsonAsync<AlarmShelfResponse>(Token));
        Assert.Equal(new AlarmShelfResponse(alarmId, false), await again.Content.ReadFromJsonAsync<AlarmShelfResponse>(Token));
        Assert.Equal(new AlarmShelfResponse(alarmId, true), await unshelved.Content.ReadFromJsonAsync<AlarmShelfResponse>(Token));
        var trail = await history.Content.ReadFromJsonAsync<List<Flux.OpsCenter.Data.Grid.AlarmAuditEntry>>(Token);
        Assert.Equal(["SHELVE_ALARM", "UNSHELVE_ALARM"], trail!.Select(e => e.Action));
        Assert.All(trail!, e => Assert.Equal("local operator", e.UserName));
    }

    [Theory]
    [InlineData(OpsCenterRoles.Viewer, HttpStatusCode.Forbidden)]
    [InlineData(OpsCenterRoles.Operator, HttpStatusCode.Forbidden)]
    [InlineData(OpsCenterRoles.Supervisor, HttpStatusCode.OK)]
    public async Task Alarm_rate_figures_are_for_supervisors(string role, HttpStatusCode expected)
    {
        await using var factory = new OpsCenterAppFactory();
        factory.Settings["OpsCenter:Identity:LocalRole"] = role;
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/alarms/rates?from=2026-11-13T15:00:00Z&to=2026-11-20T15:00:00Z", UriKind.Relative), Token);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Alarm_rate_window_backwards_or_over_31_days_is_400()
    {
        await using var factory = new OpsCenterAppFactory();
        factory.Settings["OpsCenter:Identity:LocalRole"] = OpsCenterRoles.Supervisor;
        using var client = factory.CreateClient();

        using var backwards = await client.GetAsync(new Uri("/api/alarms/rates?from=2026-11-20T15:00:00Z&to=2026-11-13T15:00:00Z", UriKind.Relative), Token);
        using var tooLong = await client.GetAsync(new Uri("/api/alarms/rates?from=2026-09-01T00:00:00Z&to=2026-11-20T15:00:00Z", UriKind.Relative), Token);
        using var garbage = await client.GetAsync(new Uri("/api/alarms/rates?from=yesterday", UriKind.Relative), Token);

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest], new[] { backwards, tooLong, garbage }.Select(r => r.StatusCode));
        Assert.Equal("application/problem+json", garbage.Content.Headers.ContentType?.MediaType);
    }

    private static Uri AcknowledgeUri(string alarmId) => new($"/api/alarms/{Uri.EscapeDataString(alarmId)}/acknowledge", UriKind.Relative);

    private static async Task<string> UnacknowledgedAlarmAsync(OpsCenterAppFactory factory)
    {
        await factory.Services.GetRequiredService<GridStatusMonitor>().PollOnceAsync(Token);
        return factory.Services.GetRequiredService<GridStatusFeed>().Current!.Alarms.First(a => !a.IsAcknowledged).AlarmId;
    }
}
