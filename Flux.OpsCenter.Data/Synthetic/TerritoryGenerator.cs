using System.Diagnostics;
using DuckDB.NET.Data;
using Flux.OpsCenter.Data.Queries;

namespace Flux.OpsCenter.Data.Synthetic;

/// <summary>
/// Generates a synthetic service territory into an open DuckDB connection: the network, customers,
/// 14 days of weather and hourly load (the last two written here, the rest listed for <see cref="TelemetryHistoryFiller"/>), AMI intervals for a sample of meters, seven years of outages with
/// storms (a hurricane in the last twelve months), crews, work orders and trees near lines. Deterministic for (preset, seed, as-of hour).
/// </summary>
public sealed class TerritoryGenerator(TerritoryPreset preset, int seed, DateTimeOffset asOf)
{
    /// <summary>Days of hourly transformer load and weather kept in the file.</summary>
    public const int TelemetryDays = 14;

    /// <summary>
    /// Days of telemetry, up to the latest hour, written before the file is served: the status, KPI and alarm views read
    /// the last 24 hours and the simulator's next hour copies the same hour of the day before. The rest of the window is
    /// filled afterwards by <see cref="TelemetryHistoryFiller"/>.
    /// </summary>
    public const int ServedTelemetryDays = 2;

    private static readonly string[] Species =
        ["Live Oak", "Water Oak", "Loblolly Pine", "Pecan", "Sweetgum", "Bald Cypress", "Cedar Elm", "Chinese Tallow", "Crape Myrtle", "American Elm"];

    private readonly DateTime _asOfHour = new(asOf.UtcTicks - (asOf.UtcTicks % TimeSpan.TicksPerHour), DateTimeKind.Utc);
    private readonly Stopwatch _clock = new();

    /// <summary>The "now" of the generated data: the latest telemetry hour.</summary>
    public DateTime AsOfHour => _asOfHour;

    /// <summary>Writes the whole territory; the schema must already exist and be empty.</summary>
    public void Generate(DuckDBConnection connection, IProgress<GenerationProgress>? progress)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _clock.Restart();
        var random = new Random(seed);
        Report(progress, "Laying out substations and feeders", 0.01);
        var builder = new NetworkBuilder(preset, random);
        var model = builder.BuildNetwork(_asOfHour.Year);

        Report(progress, "Connecting meters and customers", 0.08);
        var customers = WriteMetersAndDrawCustomers(connection, model, new Random(seed + 1), progress);
        // The customer rows go in on a second connection to the same database while this one writes the network, weather,
        // outages and trees: both writers are single-threaded appends, and nothing below reads the customers until the
        // connectivity summary.
        var customerWriter = Task.Run(() => WriteCustomers(connection.ConnectionString, customers));
        builder.SizeAndTie(model);

        Report(progress, "Writing substations, feeders and transformers", 0.38);
        WriteNetwork(connection, model);
        DeviceBuilder.Write(connection, model);

        Report(progress, "Weather", 0.45);
        var firstHour = _asOfHour.AddDays(-TelemetryDays).AddHours(1);
        var weather = WeatherBuilder.Build(firstHour, TelemetryDays * 24, new Random(seed + 2));
        WriteWeather(connection, weather);
        WriteDemandStaging(connection, model, new Random(seed + 6));

        Report(progress, "Outage history, crews and work orders", 0.50);
        var outages = new OutageHistoryBuilder(model, new Random(seed + 3)).Build(_asOfHour);
        var operations = new OperationsBuilder(model, new Random(seed + 4));
        var crews = operations.BuildCrews(preset.Crews, _asOfHour);

        // Older years come from their own random stream, so the last twelve months stay as they were.
        var lineCrews = crews.Where(c => c.CrewType is "LINE" or "SERVICE").Select(c => c.Id).ToList();
        var prior = new OutageHistoryBuilder(model, new Random(seed + 7)).BuildPriorYears(_asOfHour.AddDays(-365), lineCrews);
        var history = OutageHistoryBuilder.NumberInStartOrder(outages.Concat(prior));
        var orders = operations.Build(outages, crews, _asOfHour);
        WriteOutages(connection, history);
        DeviceBuilder.ApplyOperationHistory(connection);
        WriteCrews(connection, crews);
        WriteWorkOrders(connection, orders);

        Report(progress, "Trees near lines", 0.60);
        WriteVegetation(connection, model, new Random(seed + 5));

        customerWriter.GetAwaiter().GetResult();
        Embedded.EmbeddedDatabase.SummarizeCircuitConnectivity(connection);

        // Telemetry needs the outages (a de-energised hour carries no load). Only the days the first screens read are
        // written now, in hour order so the latest-hour and 24-hour filters prune by zone map; the older days are
        // listed as pending and TelemetryHistoryFiller writes them once the file is served.
        var stride = Math.Max(1, model.MeterCount / preset.AmiSampleMeters);
        for (var day = TelemetryDays - ServedTelemetryDays; day < TelemetryDays; day++)
        {
            Report(progress, $"Hourly load, AMI and feeder-head load, day {day + 1} of {TelemetryDays}",
                0.65 + (0.30 * (day - TelemetryDays + ServedTelemetryDays) / ServedTelemetryDays));
            TelemetryHistoryFiller.WriteDay(connection, firstHour.AddDays(day), stride, seed);
        }

        for (var day = 0; day < TelemetryDays - ServedTelemetryDays; day++)
        {
            Execute(connection, "RegisterPendingTelemetryDay", firstHour.AddDays(day), stride, seed);
        }

        // The grid graph and its centrality are derived from these tables at first start, in the background
        // (EmbeddedGridGraphPreparer), so the territory is served sooner.
        Report(progress, "Territory generated", 0.97);
    }

    /// <summary>Writes poles and meters and returns the customers drawn for them, to be written by <see cref="WriteCustomers"/>.</summary>
    private List<CustomerRow> WriteMetersAndDrawCustomers(DuckDBConnection connection, TerritoryModel model, Random random, IProgress<GenerationProgress>? progress)
    {
        var meterIndex = 0;
        var poleIndex = 0;
        var customerIndex = 0;
        var customers = new List<CustomerRow>(model.Transformers.Count * 8);
        using var meters = connection.CreateAppender("PRODUCTION", "METER_INFRASTRUCTURE");
        using var poles = connection.CreateAppender("PRODUCTION", "GRID_POLES_INFRASTRUCTURE");
        var reportEvery = Math.Max(1, model.Transformers.Count / 30);
        foreach (var transformer in model.Transformers)
        {
            if (transformer.Index % reportEvery == 0)
            {
                Report(progress, "Connecting meters and customers", 0.08 + (0.30 * transformer.Index / model.Transformers.Count));
            }

            var feeder = transformer.Feeder;
            var substation = feeder.Substation;
            var place = HoustonGeography.NearestPlace(transformer.Latitude, transformer.Longitude);
            var meterCount = transformer.CustomerClass switch
            {
                "COMMERCIAL" => 1 + random.Next(4),
                "INDUSTRIAL" => 1 + random.Next(2),
                _ => 4 + random.Next(8),
            };
            if (transformer.IsOverhead)
            {
                poleIndex++;
                var (pLat, pLon) = HoustonGeography.Offset(transformer.Latitude, transformer.Longitude, 0.025 + (random.NextDouble() * 0.015), random.NextDouble() * 2 * Math.PI);
                transformer.PoleId = $"POLE-{poleIndex:0000000}";
                transformer.PoleLat = Math.Round(pLat, 6);
                transformer.PoleLon = Math.Round(pLon, 6);
                var age = _asOfHour.Year - transformer.InstallYear + random.Next(0, 8);
                var health = Math.Round(Math.Clamp(100 - (age * 0.8) - (random.NextDouble() * 20), 15, 100), 1);
                poles.CreateRow()
                    .AppendValue(transformer.PoleId).AppendValue(transformer.Id).AppendValue(substation.Id).AppendValue(feeder.Id)
                    .AppendValue(transformer.PoleLat).AppendValue(transformer.PoleLon)
                    .AppendValue((double)(35 + (5 * random.Next(0, 5))))
                    .AppendValue(random.NextDouble() < 0.86 ? "WOOD" : random.NextDouble() < 0.6 ? "CONCRETE" : "STEEL")
                    .AppendValue($"H{1 + random.Next(5)}")
                    .AppendValue(_asOfHour.Year - age)
                    .AppendValue(health)
                    .AppendValue(health >= 70 ? "GOOD" : health >= 45 ? "FAIR" : "POOR")
                    .AppendValue((DateOnly?)DateOnly.FromDateTime(_asOfHour.AddDays(-random.Next(30, 2000))))
                    .EndRow();
            }

            var activeCustomers = 0;
            var perCustomerKw = NetworkBuilder.BaseKwPerCustomer(transformer.CustomerClass);
            for (var m = 0; m < meterCount; m++)
            {
                meterIndex++;
                var meterId = $"MTR-{meterIndex:0000000}";
                var anchorLat = transformer.PoleId is null ? transformer.Latitude : transformer.PoleLat;
                var anchorLon = transformer.PoleId is null ? transformer.Longitude : transformer.PoleLon;
                var (mLat, mLon) = HoustonGeography.Offset(anchorLat, anchorLon, 0.015 + (random.NextDouble() * 0.05), random.NextDouble() * 2 * Math.PI);
                var zip = (place.ZipBase + (meterIndex % 3)).ToString("00000", System.Globalization.CultureInfo.InvariantCulture);
                meters.CreateRow()
                    .AppendValue(meterId).AppendValue($"AMI{meterIndex + 40_000_000}").AppendValue(transformer.Id).AppendValue(transformer.PoleId)
                    .AppendValue(feeder.Id).AppendValue(substation.Id).AppendValue(Math.Round(mLat, 6)).AppendValue(Math.Round(mLon, 6))
                    .AppendValue(transformer.CustomerClass == "RESIDENTIAL" ? "AMI_SINGLE_PHASE" : "AMI_POLYPHASE")
                    .AppendValue(transformer.CustomerClass)
                    .AppendValue((DateOnly?)new DateOnly(2009 + random.Next(0, 15), 1 + random.Next(12), 1 + random.Next(28)))
                    .AppendValue("ACTIVE")
                    .AppendValue(Math.Round(80 + (random.NextDouble() * 20), 1))
                    .AppendValue(place.City).AppendValue(zip)
                    .EndRow();

                // Apartment and strip-centre meters serve several accounts.
                var accounts = random.NextDouble() < 0.075 ? 3 : 1;
                var houseNumber = 100 + random.Next(0, 9800);
                var street = HoustonGeography.Streets[random.Next(HoustonGeography.Streets.Count)];
                var suffix = HoustonGeography.StreetSuffixes[random.Next(HoustonGeography.StreetSuffixes.Count)];
                for (var a = 0; a < accounts; a++)
                {
                    customerIndex++;
                    var first = HoustonGeography.FirstNames[random.Next(HoustonGeography.FirstNames.Count)];
                    var last = HoustonGeography.LastNames[random.Next(HoustonGeography.LastNames.Count)];
                    var statusDraw = random.NextDouble();
                    var status = statusDraw < 0.985 ? "ACTIVE" : statusDraw < 0.995 ? "INACTIVE" : "PENDING";
                    if (status == "ACTIVE")
                    {
                        activeCustomers++;
                    }

                    var address = accounts > 1 ? $"{houseNumber} {street} {suffix} Unit {a + 1}" : $"{houseNumber} {street} {suffix}";
                    var criticalCare = transformer.CustomerClass == "RESIDENTIAL" && random.NextDouble() < 0.008;
                    var opened = AccountOpened(transformer, customerIndex, DateOnly.FromDateTime(_asOfHour.AddDays(-random.Next(30, 9000))));
                    if (status == "ACTIVE")
                    {
                        transformer.ActiveAccountsOpened.Add(opened.DayNumber);
                    }

                    customers.Add(new CustomerRow(customerIndex, meterId, transformer, first, last, address, place.City, zip, status, criticalCare, opened));
                }
            }

            transformer.Customers = activeCustomers;
            transformer.BaseKw = activeCustomers * perCustomerKw;
            transformer.ActiveAccountsOpened.Sort();
        }

        model.MeterCount = meterIndex;
        model.PoleCount = poleIndex;
        model.CustomerCount = customerIndex;
        return customers;
    }

    /// <summary>
    /// An account opens no earlier than its transformer entered service; a drawn date before that moves to the first
    /// months of service (spread by the account number, so no extra random draw shifts the rest of the territory).
    /// </summary>
    private DateOnly AccountOpened(TransformerModel transformer, int customerIndex, DateOnly drawn)
    {
        var serviceStart = transformer.InServiceFrom;
        if (drawn >= serviceStart)
        {
            return drawn;
        }

        var moved = serviceStart.AddDays(customerIndex * 13 % 120);
        var latest = DateOnly.FromDateTime(_asOfHour.AddDays(-1));
        return moved < latest ? moved : latest;
    }

    private static void WriteCustomers(string connectionString, List<CustomerRow> rows)
    {
        // Same connection string, same process: DuckDB.NET shares the one open database instance.
        using var connection = new DuckDBConnection(connectionString);
        connection.Open();
        using var customers = connection.CreateAppender("PRODUCTION", "CUSTOMERS_MASTER_DATA");
        foreach (var c in rows)
        {
            var transformer = c.Transformer;
            customers.CreateRow()
                .AppendValue($"CUST-{c.Index:0000000}").AppendValue(c.MeterId).AppendValue(transformer.Id).AppendValue(transformer.Feeder.Id)
                .AppendValue(transformer.Feeder.Substation.Id)
                .AppendValue(c.FirstName).AppendValue(c.LastName).AppendValue($"{c.FirstName} {c.LastName}")
                .AppendValue(c.Address).AppendValue(c.City).AppendValue("TX").AppendValue(c.Zip)
                .AppendValue(transformer.CustomerClass).AppendValue(c.Status)
                .AppendValue(c.CriticalCare)
                .AppendValue((DateOnly?)c.AccountOpened)
                .EndRow();
        }
    }

    /// <summary>A customer account drawn with its meter, held until the customer writer appends it.</summary>
    private sealed record CustomerRow(
        int Index, string MeterId, TransformerModel Transformer, string FirstName, string LastName, string Address, string City, string Zip,
        string Status, bool CriticalCare, DateOnly AccountOpened);

    private void WriteNetwork(DuckDBConnection connection, TerritoryModel model)
    {
        using (var substations = connection.CreateAppender("PRODUCTION", "SUBSTATIONS"))
        {
            foreach (var s in model.Substations)
            {
                substations.CreateRow()
                    .AppendValue(s.Id).AppendValue(s.Name).AppendValue(s.Latitude).AppendValue(s.Longitude).AppendValue(s.CapacityMva)
                    .AppendValue(s.VoltageClass).AppendValue(s.Region).AppendValue(s.City).AppendValue("ACTIVE")
                    .AppendValue((DateOnly?)s.Commissioned)
                    .AppendValue((DateOnly?)DateOnly.FromDateTime(_asOfHour.AddDays(-(int.Parse(s.Id.AsSpan(4), System.Globalization.CultureInfo.InvariantCulture) * 13 % 400))))
                    .EndRow();
            }
        }

        using (var feeders = connection.CreateAppender("PRODUCTION", "CIRCUIT_METADATA"))
        using (var segments = connection.CreateAppender("PRODUCTION", "FEEDER_SEGMENTS"))
        {
            foreach (var f in model.Feeders)
            {
                double? tieLat = f.Tie is null ? null : Math.Round((f.TrunkEnd.Lat + f.Tie.TrunkEnd.Lat) / 2, 6);
                double? tieLon = f.Tie is null ? null : Math.Round((f.TrunkEnd.Lon + f.Tie.TrunkEnd.Lon) / 2, 6);
                feeders.CreateRow()
                    .AppendValue(f.Id).AppendValue(f.Name).AppendValue(f.Substation.Id).AppendValue(f.VoltageClass).AppendValue(f.VoltageKv)
                    .AppendValue(Math.Round(f.LengthMetres / 1609.344, 2)).AppendValue(f.Conductor).AppendValue(f.CapacityKva)
                    .AppendValue(f.BreakerId).AppendValue(f.Tie?.Id).AppendValue(f.TieSwitchId).AppendValue(tieLat).AppendValue(tieLon)
                    .AppendValue((DateOnly?)f.Commissioned)
                    .EndRow();

                foreach (var g in f.Segments)
                {
                    segments.CreateRow()
                        .AppendValue(g.Id).AppendValue(f.Id).AppendValue(f.Substation.Id).AppendValue(g.IsTrunk ? "TRUNK" : "LATERAL").AppendValue(g.ParentId)
                        .AppendValue(g.Sequence).AppendValue(g.DeviceId).AppendValue(g.DeviceType)
                        .AppendValue(Math.Round(g.FromLat, 6)).AppendValue(Math.Round(g.FromLon, 6)).AppendValue(Math.Round(g.ToLat, 6)).AppendValue(Math.Round(g.ToLon, 6))
                        .AppendValue(g.LengthMetres).AppendValue(g.IsTrunk ? f.Conductor : "1/0 AAC").AppendValue(g.IsOverhead)
                        .EndRow();
                }
            }
        }

        using var transformers = connection.CreateAppender("PRODUCTION", "TRANSFORMER_METADATA");
        foreach (var t in model.Transformers)
        {
            transformers.CreateRow()
                .AppendValue(t.Id).AppendValue($"{t.Feeder.Name} T{t.Index % 1000:000}").AppendValue(t.Feeder.Substation.Id).AppendValue(t.Feeder.Id)
                .AppendValue(t.Segment.Id).AppendValue(t.Feeder.BreakerId).AppendValue(t.RecloserId).AppendValue(t.FuseId)
                .AppendValue(t.Latitude).AppendValue(t.Longitude).AppendValue(t.CapacityKva).AppendValue(t.CapacityKva)
                .AppendValue(t.Feeder.VoltageKv).AppendValue(t.CustomerClass == "RESIDENTIAL" ? 0.24 : 0.48)
                .AppendValue(t.IsOverhead ? "POLE" : "PAD").AppendValue(t.CustomerClass)
                .AppendValue(t.InstallYear).AppendValue(_asOfHour.Year - t.InstallYear).AppendValue(t.Manufacturer).AppendValue(t.HealthScore)
                .AppendValue((DateOnly?)DateOnly.FromDateTime(_asOfHour.AddDays(-(30 + (t.Index * 37 % 2500)))))
                .EndRow();
        }
    }

    private static void WriteWeather(DuckDBConnection connection, List<WeatherBuilder.Observation> weather)
    {
        using var appender = connection.CreateAppender("PRODUCTION", "HOUSTON_WEATHER_HOURLY");
        foreach (var h in weather)
        {
            appender.CreateRow()
                .AppendValue((DateTime?)h.Time).AppendValue(h.Station.Id).AppendValue(h.Station.Latitude).AppendValue(h.Station.Longitude)
                .AppendValue(h.TemperatureF).AppendValue(Math.Round((h.TemperatureF - 32) * 5 / 9, 1)).AppendValue(h.HumidityPct)
                .AppendValue(h.WindMph).AppendValue(h.GustMph).AppendValue(h.PrecipitationIn).AppendValue(h.Condition).AppendValue(h.Station.Name)
                .EndRow();
        }
    }

    private static void WriteDemandStaging(DuckDBConnection connection, TerritoryModel model, Random random)
    {
        Execute(connection, "CreateGeneratorStaging");
        using (var shapes = connection.CreateAppender("PRODUCTION", "GEN_LOAD_SHAPE"))
        {
            foreach (var (name, shape) in new[] { ("RESIDENTIAL", LoadShapes.Residential), ("COMMERCIAL", LoadShapes.Commercial), ("INDUSTRIAL", LoadShapes.Industrial) })
            {
                for (var hour = 0; hour < 24; hour++)
                {
                    shapes.CreateRow().AppendValue(name).AppendValue(hour).AppendValue(shape[hour]).EndRow();
                }
            }
        }

        using var demand = connection.CreateAppender("PRODUCTION", "GEN_TRANSFORMER_DEMAND");
        foreach (var t in model.Transformers)
        {
            var residential = t.CustomerClass == "RESIDENTIAL";
            var row = demand.CreateRow()
                .AppendValue(t.Id).AppendValue(t.CustomerClass).AppendValue(Math.Max(0.1, t.BaseKw)).AppendValue(t.CapacityKva)
                .AppendValue(residential ? 0.030 : 0.018).AppendValue(residential ? 0.022 : 0.008)
                .AppendValue(Math.Max(1, t.Customers));
            var phase = random.NextDouble() * 2 * Math.PI;
            row.AppendValue(Math.Sin(phase)).AppendValue(Math.Cos(phase)).AppendValue(Math.Sin(phase * 3.1)).AppendValue(Math.Cos(phase * 3.1))
                .AppendValue(WeatherStations.Nearest(t.Latitude, t.Longitude).Id)
                .EndRow();
        }
    }

    private static void WriteOutages(DuckDBConnection connection, List<OutageRecord> outages)
    {
        using var appender = connection.CreateAppender("PRODUCTION", "OUTAGE_RESTORATION_TRACKER");
        foreach (var o in outages)
        {
            appender.CreateRow()
                .AppendValue(o.Id).AppendValue(o.Feeder.Id).AppendValue(o.Feeder.Substation.Id).AppendValue(o.DeviceId).AppendValue(o.DeviceType)
                .AppendValue((DateTime?)o.Start).AppendValue(o.End).AppendValue(o.End is null ? "ACTIVE" : "RESTORED").AppendValue(o.Cause)
                .AppendValue(o.Customers).AppendValue(o.Transformers).AppendValue(o.EstimatedRestoration).AppendValue(o.CrewId)
                .AppendValue(o.IsMomentary).AppendValue(Math.Round(o.Latitude, 6)).AppendValue(Math.Round(o.Longitude, 6)).AppendValue(o.WeatherEvent)
                .EndRow();
        }
    }

    private void WriteCrews(DuckDBConnection connection, List<CrewRecord> crews)
    {
        using var appender = connection.CreateAppender("PRODUCTION", "CREWS");
        foreach (var c in crews)
        {
            appender.CreateRow()
                .AppendValue(c.Id).AppendValue(c.Name).AppendValue(c.CrewType).AppendValue(c.ServiceCenter).AppendValue(c.Members)
                .AppendValue(c.HomeLat).AppendValue(c.HomeLon).AppendValue(Math.Round(c.Lat, 6)).AppendValue(Math.Round(c.Lon, 6))
                .AppendValue(c.Status).AppendValue(c.OutageId).AppendValue(c.WorkOrderId)
                .AppendValue((DateTime?)c.ShiftStart).AppendValue((DateTime?)c.ShiftEnd).AppendValue((DateTime?)_asOfHour)
                .EndRow();
        }
    }

    private static void WriteWorkOrders(DuckDBConnection connection, List<WorkOrderRecord> orders)
    {
        using var appender = connection.CreateAppender("PRODUCTION", "WORK_ORDERS");
        foreach (var w in orders)
        {
            appender.CreateRow()
                .AppendValue(w.Id).AppendValue(w.OutageId).AppendValue(w.AssetId).AppendValue(w.AssetType).AppendValue(w.Feeder.Id).AppendValue(w.Feeder.Substation.Id)
                .AppendValue(w.WorkType).AppendValue(w.Priority).AppendValue(w.Status).AppendValue(w.Description).AppendValue(w.CrewId)
                .AppendValue((DateTime?)w.CreatedAt).AppendValue(w.ScheduledStart).AppendValue(w.CompletedAt)
                .AppendValue(w.EstimatedHours).AppendValue(w.ActualHours).AppendValue(w.CostUsd)
                .AppendValue(Math.Round(w.Latitude, 6)).AppendValue(Math.Round(w.Longitude, 6))
                .EndRow();
        }
    }

    private void WriteVegetation(DuckDBConnection connection, TerritoryModel model, Random random)
    {
        using var appender = connection.CreateAppender("PRODUCTION", "VEGETATION_INVENTORY");
        var index = 0;
        foreach (var feeder in model.Feeders)
        {
            foreach (var segment in feeder.Segments.Where(s => s.IsOverhead))
            {
                var trees = (int)Math.Round(segment.LengthMetres / 1000 * preset.TreesPerKilometre * (0.5 + random.NextDouble()));
                for (var i = 0; i < trees; i++)
                {
                    index++;
                    var along = random.NextDouble();
                    var lat = segment.FromLat + ((segment.ToLat - segment.FromLat) * along);
                    var lon = segment.FromLon + ((segment.ToLon - segment.FromLon) * along);
                    var distance = Math.Round(1.5 + (Math.Pow(random.NextDouble(), 1.6) * 24), 1);
                    var bearing = random.NextDouble() * 2 * Math.PI;
                    var (tLat, tLon) = HoustonGeography.Offset(lat, lon, distance / 1000, bearing);
                    var species = Species[random.Next(Species.Length)];
                    var height = Math.Round(species == "Crape Myrtle" ? 3 + (random.NextDouble() * 5) : 8 + (random.NextDouble() * 20), 1);
                    appender.CreateRow()
                        .AppendValue($"TREE-{index:0000000}").AppendValue(Math.Round(tLat, 6)).AppendValue(Math.Round(tLon, 6))
                        .AppendValue(species).AppendValue(height).AppendValue(Math.Round(height * (0.2 + (random.NextDouble() * 0.2)), 1))
                        .AppendValue(Math.Round(0.2 + (random.NextDouble() * 0.6), 2))
                        .AppendValue(feeder.Id).AppendValue(segment.Id).AppendValue(feeder.VoltageKv).AppendValue(distance)
                        .AppendValue((DateOnly?)DateOnly.FromDateTime(_asOfHour.AddDays(-random.Next(60, 2500))))
                        .EndRow();
                }
            }
        }
    }

    internal static void Execute(DuckDBConnection connection, string name, params object[] arguments)
    {
        using var command = connection.CreateCommand();
        command.CommandText = QueryCatalog.Resource($"Synthetic/Sql/{name}.sql");
        foreach (var argument in arguments)
        {
            command.Parameters.Add(new DuckDBParameter(argument));
        }

        command.ExecuteNonQuery();
    }

    private void Report(IProgress<GenerationProgress>? progress, string stage, double fraction) =>
        progress?.Report(new GenerationProgress(stage, fraction, _clock.Elapsed));
}
