using System.Text;
using System.Text.Json;
using Flux.OpsCenter.Tests.Support;

namespace Flux.OpsCenter.Tests.Web.Api;

/// <summary>
/// Every route the OpenAPI document describes, each parameter in turn given bad values (empty, huge, negative, NaN,
/// calendar limits, unicode, SQL-ish text, wrong types) and every request body sent with wrong content types and
/// broken JSON: nothing answers 5xx, and every 4xx is problem details.
/// </summary>
public sealed class ApiFuzzTests : IClassFixture<ApiFuzzTests.ControlApiFactory>
{
    private static readonly string[] BadValues =
    [
        "", " ", new string('9', 5_000), "-1", "0", "-2147483649", "2147483648", "1e309", "NaN", "Infinity", "-Infinity", "0x10",
        "9999-12-31", "0001-01-01", "9999-12-31T23:59:59Z", "2026-02-30", "٣", "💥🔥", "Ω≈ç√", "' OR 1=1 --", "1; DROP TABLE AUDIT_LOG", "\"quoted\"",
        "%", "../../etc/passwd", "true", "null", "[]", "{}", "a,b,c,d", "-180,-90,180,90",
    ];

    private static readonly (string ContentType, string Body)[] BadBodies =
    [
        ("application/json; charset=bogus", "{}"),
        ("application/json; charset=utf-16", "{}"),
        ("text/plain", "{}"),
        ("application/xml", "<a/>"),
        ("application/x-www-form-urlencoded", "a=1"),
        ("multipart/form-data; boundary=x", "--x--"),
        ("application/json", "{"),
        ("application/json", "[]"),
        ("application/json", "null"),
        ("application/json", "{\"scenario\": 5, \"temperatureC\": \"hot\"}"),
        ("application/json", "{\"temperatureC\": 1e309}"),
        ("application/json", "{\"scenario\": \"" + new string('x', 20_000) + "\"}"),
        ("application/json", "{\"patientZeroId\": \"' OR 1=1 --\", \"loadMultiplier\": -5}"),
    ];

    private readonly ControlApiFactory _factory;

    public ApiFuzzTests(ControlApiFactory factory)
    {
        _factory = factory;
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task No_route_in_the_openapi_document_answers_5xx_to_bad_input()
    {
        using var client = _factory.CreateClient();
        var document = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), Token)).RootElement;
        var failures = new List<string>();
        var operations = 0;
        var requests = 0;
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                operations++;
                var method = new HttpMethod(operation.Name.ToUpperInvariant());
                var parameters = Parameters(operation.Value);
                foreach (var target in parameters)
                {
                    foreach (var value in BadValues)
                    {
                        var uri = Uri(path.Name, parameters, target.Name, value);
                        requests++;
                        await CheckAsync(client, method, uri, content: null, failures);
                    }
                }

                if (operation.Value.TryGetProperty("requestBody", out _))
                {
                    foreach (var (contentType, body) in BadBodies)
                    {
                        requests++;
                        await CheckAsync(client, method, Uri(path.Name, parameters, null, null), (contentType, body), failures);
                    }
                }
            }
        }

        Assert.True(operations >= 25, $"The OpenAPI document lists only {operations} operations.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {requests} requests failed:{Environment.NewLine}{string.Join(Environment.NewLine, failures.Take(40))}");
    }

    private static List<(string Name, string In)> Parameters(JsonElement operation) =>
        operation.TryGetProperty("parameters", out var list)
            ? [.. list.EnumerateArray().Select(p => (p.GetProperty("name").GetString()!, p.GetProperty("in").GetString()!))]
            : [];

    /// <summary>The route with one parameter set to <paramref name="value"/> and path parameters elsewhere given a plain id.</summary>
    private static string Uri(string template, List<(string Name, string In)> parameters, string? target, string? value)
    {
        var path = template;
        var query = new List<string>();
        foreach (var (name, location) in parameters)
        {
            var text = name == target ? value! : "SUB-001";
            if (location == "path")
            {
                path = path.Replace("{" + name + "}", System.Uri.EscapeDataString(text.Length == 0 ? " " : text), StringComparison.Ordinal);
            }
            else if (name == target)
            {
                query.Add($"{System.Uri.EscapeDataString(name)}={System.Uri.EscapeDataString(text)}");
            }
        }

        return query.Count == 0 ? path : $"{path}?{string.Join('&', query)}";
    }

    private static async Task CheckAsync(HttpClient client, HttpMethod method, string uri, (string ContentType, string Body)? content, List<string> failures)
    {
        using var request = new HttpRequestMessage(method, new Uri(uri, UriKind.Relative));
        if (content is { } body)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body.Body));
            request.Content.Headers.TryAddWithoutValidation("Content-Type", body.ContentType);
        }

        using var response = await client.SendAsync(request, Token);
        var status = (int)response.StatusCode;
        var what = $"{method} {Shorten(uri)}{(content is { } c ? $" [{c.ContentType}] {Shorten(c.Body)}" : "")}";
        if (status >= 500)
        {
            failures.Add($"{status} {what}: {Shorten(await response.Content.ReadAsStringAsync(Token))}");
        }
        else if (status >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            failures.Add($"{status} as {response.Content.Headers.ContentType?.MediaType ?? "no content type"} {what}");
        }
    }

    private static string Shorten(string text) => text.Length <= 120 ? text : $"{text[..120]}…";

    /// <summary>The app with the simulator's control API mapped, so its routes are fuzzed too.</summary>
    public sealed class ControlApiFactory : OpsCenterAppFactory
    {
        public ControlApiFactory()
        {
            Settings["OpsCenter:Simulator:ControlApi"] = "true";
        }
    }
}
