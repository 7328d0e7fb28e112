using Flux.OpsCenter.Data.Analysis.Network;
using Flux.OpsCenter.Data.Analysis.Outages;
using Flux.OpsCenter.Data.Embedded;
using Flux.OpsCenter.Data.Queries;
using Flux.OpsCenter.Tests.Support;

namespace Flux.OpsCenter.Tests.Data.Analysis;

/// <summary>
/// AMI last-gasp prediction on the small territory: the meters behind a breaker, fuse or transformer send last-gasps,
/// some lost (a seeded, deterministic 30 %), and the engine names the device that opened.
/// </summary>
public sealed class LastGaspPredictorTests
{
    private static readonly DateTimeOffset At = TestTerritory.AsOf;
    private static readonly Lazy<LastGaspPredictor> Predictor = new(Build);

    public static TheoryData<string, double> Faults() => new()
    {
        { "BREAKER", 0.0 }, { "BREAKER", 0.3 },
        { "FUSE", 0.0 }, { "FUSE", 0.3 },
        { "TRANSFORMER", 0.0 }, { "TRANSFORMER", 0.3 },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public void The_common_upstream_device_is_identified_even_with_lost_last_gasps(string deviceType, double lossShare)
    {
        var device = Device(deviceType);
        var behind = MetersBehind(device);
        var delivered = behind.Where(m => LastGaspLoss.Delivered(m.MeterId, lossShare, seed: 1366)).ToList();

        var predictions = Predictor.Value.Predict(delivered);

        var predicted = Assert.Single(predictions);
        Assert.Equal(device, predicted.DeviceId);
        Assert.Equal(deviceType, predicted.DeviceType);
        // A meter serving several accounts sends one gasp.
        Assert.Equal(delivered.Select(m => m.MeterId).Distinct(StringComparer.Ordinal).Count(), predicted.ReportingMeters);
        if (lossShare > 0)
        {
            // The loss is real: fewer meters reported than are out.
            Assert.InRange(delivered.Count, 1, behind.Count - 1);
        }
    }

    [Fact]
    public void Two_faults_on_different_feeders_are_two_predictions()
    {
        var breaker = Device("BREAKER");
        var fuse = ViewQueries.Scalar(TestTerritory.TemplatePath, $"""
            SELECT MIN(FUSE_ID) FROM PRODUCTION.TRANSFORMER_METADATA
            WHERE CIRCUIT_ID <> (SELECT MIN(CIRCUIT_ID) FROM PRODUCTION.TRANSFORMER_METADATA WHERE BREAKER_ID = '{breaker}')
              AND FUSE_ID IN ({FusesWithThreeTransformers})
            """)!.ToString()!;

        var predictions = Predictor.Value.Predict([.. MetersBehind(breaker), .. MetersBehind(fuse)]);

        Assert.Equal(
            new[] { breaker, fuse }.Order(StringComparer.Ordinal),
            predictions.Select(p => p.DeviceId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_seeded_loss_drops_about_the_share_asked_for_and_the_same_meters_every_time()
    {
        var meters = MetersBehind(Device("BREAKER"));

        var lost = meters.Count(m => !LastGaspLoss.Delivered(m.MeterId, 0.3, seed: 7));

        Assert.InRange(lost / (double)meters.Count, 0.2, 0.4);
        Assert.Equal(lost, meters.Count(m => !LastGaspLoss.Delivered(m.MeterId, 0.3, seed: 7)));
        Assert.NotEqual(
            meters.Select(m => LastGaspLoss.Delivered(m.MeterId, 0.3, seed: 7)),
            meters.Select(m => LastGaspLoss.Delivered(m.MeterId, 0.3, seed: 8)));
    }

    private const string FusesWithThreeTransformers = """
        SELECT t.FUSE_ID FROM PRODUCTION.TRANSFORMER_METADATA t
        JOIN PRODUCTION.CUSTOMERS_MASTER_DATA c ON c.TRANSFORMER_ID = t.TRANSFORMER_ID AND c.ACCOUNT_STATUS = 'ACTIVE'
        GROUP BY t.FUSE_ID HAVING COUNT(DISTINCT t.TRANSFORMER_ID) >= 3
        """;

    // A breaker, a fuse with at least three transformers that serve someone, and a transformer with customers on such a fuse.
    private static string Device(string deviceType) => ViewQueries.Scalar(TestTerritory.TemplatePath, deviceType switch
    {
        "BREAKER" => "SELECT MIN(BREAKER_ID) FROM PRODUCTION.TRANSFORMER_METADATA",
        "FUSE" => $"SELECT MIN(FUSE_ID) FROM ({FusesWithThreeTransformers})",
        _ => $"""
            SELECT MIN(t.TRANSFORMER_ID) FROM PRODUCTION.TRANSFORMER_METADATA t
            JOIN PRODUCTION.CUSTOMERS_MASTER_DATA c ON c.TRANSFORMER_ID = t.TRANSFORMER_ID AND c.ACCOUNT_STATUS = 'ACTIVE'
            WHERE t.FUSE_ID IN ({FusesWithThreeTransformers})
            """,
    })!.ToString()!;

    private static List<LastGasp> MetersBehind(string device) =>
        [.. ViewQueries.Column(TestTerritory.TemplatePath, $"""
            SELECT c.METER_ID || '|' || c.TRANSFORMER_ID FROM PRODUCTION.CUSTOMERS_MASTER_DATA c
            JOIN PRODUCTION.TRANSFORMER_METADATA t ON t.TRANSFORMER_ID = c.TRANSFORMER_ID
            WHERE c.ACCOUNT_STATUS = 'ACTIVE' AND '{device}' IN (t.BREAKER_ID, t.RECLOSER_ID, t.FUSE_ID, t.TRANSFORMER_ID)
            ORDER BY 1
            """).Select(row => row.Split('|')).Select(p => new LastGasp(p[0], p[1], At))];

    private static LastGaspPredictor Build()
    {
        using var source = new DuckDbSource(TestTerritory.CreateCopy());
        var devices = source.QueryAsync(QueryCatalog.Request("GetSwitchingDevices"), NetworkService.MapDevice, CancellationToken.None).GetAwaiter().GetResult();
        var transformers = source.QueryAsync(QueryCatalog.Request("GetTransformerConnections"), NetworkService.MapTransformer, CancellationToken.None).GetAwaiter().GetResult();
        return new LastGaspPredictor(devices, transformers);
    }
}
