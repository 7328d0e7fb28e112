using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Flux.OpsCenter.Tests.Support;

namespace Flux.OpsCenter.Tests.Web.Api;

public sealed class CascadeApiTests(OpsCenterAppFactory factory) : IClassFixture<OpsCenterAppFactory>
{
    [Fact]
    public async Task Simulate_returns_waves_totals_and_impact_and_is_reproducible()
    {
        using var client = factory.CreateClient();
        var token = TestContext.Current.CancellationToken;
        var body = new { scenario = "WINTER_STORM_URI", patientZeroId = "SUB-001" };

        var first = await PostAsync(client, body, HttpStatusCode.OK);
        var second = await PostAsync(client, body, HttpStatusCode.OK);

        var result = first.GetProperty("result");
        Assert.Equal("SUB-001", result.GetProperty("patientZero").GetProperty("id").GetString());
        Assert.True(result.GetProperty("customersAffected").GetInt32() > 0);
        // Wave 0 holds the station and the feeders it strands (they lose supply in the same wave), with its customers.
        var waves = result.GetProperty("waves");
        Assert.True(waves.GetArrayLength() >= 1);
        Assert.Equal(0, waves[0].GetProperty("wave").GetInt32());
        Assert.True(waves[0].GetProperty("newCustomersOut").GetInt32() > 0);
        Assert.True(result.GetProperty("lostLoadMw").GetDouble() <= result.GetProperty("servedLoadMw").GetDouble());
        Assert.Equal(result.GetProperty("customersAffected").GetInt32(), second.GetProperty("result").GetProperty("customersAffected").GetInt32());
        Assert.NotEmpty(first.GetProperty("impact").GetProperty("restoration").GetProperty("steps").EnumerateArray());
        Assert.Equal("ISOLATE", first.GetProperty("impact").GetProperty("mitigation")[0].GetProperty("kind").GetString());
        _ = token;
    }

    [Theory]
    [InlineData("""{"patientZeroId":"NO-SUCH-NODE"}""", "patientZeroId")]
    [InlineData("""{"loadMultiplier":9}""", "loadMultiplier")]
    [InlineData("""{"temperatureC":-80,"failureThreshold":0.99}""", "temperatureC")]
    [InlineData("""{"scenario":"ICE_AGE"}""", "scenario")]
    public async Task Bad_input_is_a_400_problem_naming_the_field(string json, string field)
    {
        using var client = factory.CreateClient();
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");

        var response = await client.PostAsync(new Uri("/api/cascade/simulate", UriKind.Relative), content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Scenarios_candidates_and_precomputed_are_served()
    {
        using var client = factory.CreateClient();
        var token = TestContext.Current.CancellationToken;

        var scenarios = await client.GetFromJsonAsync<JsonElement>("/api/cascade/scenarios", token);
        var candidates = await client.GetFromJsonAsync<JsonElement>("/api/cascade/candidates?limit=5", token);
        var precomputed = await client.GetFromJsonAsync<JsonElement>("/api/cascade/precomputed?limit=50", token);
        var id = precomputed.GetProperty("scenarios")[0].GetProperty("scenarioId").GetString();
        var one = await client.GetAsync(new Uri($"/api/cascade/precomputed/{id}", UriKind.Relative), token);
        var missing = await client.GetAsync(new Uri("/api/cascade/precomputed/nope", UriKind.Relative), token);
        var badLimit = await client.GetAsync(new Uri("/api/cascade/candidates?limit=0", UriKind.Relative), token);

        Assert.Equal(4, scenarios.GetArrayLength());
        Assert.Equal(5, candidates.GetArrayLength());
        Assert.Equal(1, candidates[0].GetProperty("rank").GetInt32());
        Assert.Equal(24, precomputed.GetProperty("scenarios").GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badLimit.StatusCode);
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, object body, HttpStatusCode expected)
    {
        var response = await client.PostAsJsonAsync(new Uri("/api/cascade/simulate", UriKind.Relative), body, TestContext.Current.CancellationToken);
        Assert.Equal(expected, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }
}
