using static Flux.OpsCenter.Data.Synthetic.HoustonGeography;

namespace Flux.OpsCenter.Data.Synthetic;

/// <summary>
/// Lays out substations across the metro and grows each feeder as a radial tree: a trunk from the breaker
/// (with a mid-line recloser), fused laterals off the trunk, transformers along the laterals, and a
/// normally-open tie to the nearest feeder of a neighbouring substation.
/// </summary>
internal sealed class NetworkBuilder(TerritoryPreset preset, Random random)
{
    private static readonly string[] Manufacturers = ["ABB", "Eaton", "Howard Industries", "Siemens", "GE Prolec", "ERMCO"];
    private static readonly double[] ResidentialKva = [25, 37.5, 50, 75, 100, 167];
    private static readonly double[] CommercialKva = [75, 150, 300, 500, 750, 1000];
    private static readonly double[] IndustrialKva = [500, 750, 1000, 1500, 2500];

    // Overhead trunk conductors and the feeder rating each allows (summer ampacity, with the breaker sized to match).
    private static readonly (string Name, double Amps)[] Conductors =
        [("1/0 AAC", 240), ("4/0 AAC", 340), ("336.4 AAC", 455), ("477 AAC", 600), ("795 AAC", 800)];

    // What is strung on a trunk today; the two smaller sizes survive only on circuits never reconductored.
    private static readonly (string Name, double Amps)[] StandardTrunks = Conductors[2..];

    /// <summary>Summer afternoon peak as a multiple of average demand at Houston's ~96 °F design day (the load model's shape × weather).</summary>
    public static double SummerPeakFactor(string customerClass) => customerClass switch
    {
        "COMMERCIAL" => 1.45 * (1 + (24 * 0.018)),
        "INDUSTRIAL" => 1.12 * (1 + (24 * 0.008)),
        _ => 1.52 * (1 + (24 * 0.030)),
    };

    /// <summary>Three-phase rating of a feeder: √3 × line voltage × ampacity (600 A at 12.47 kV ≈ 13 MVA).</summary>
    public static double FeederRatingKva(double voltageKv, double amps) => Math.Round(Math.Sqrt(3) * voltageKv * amps / 10) * 10;

    /// <summary>Average demand per customer by class, kW, before daily shape and weather.</summary>
    public static double BaseKwPerCustomer(string customerClass) => customerClass switch
    {
        "COMMERCIAL" => 12.0,
        "INDUSTRIAL" => 65.0,
        _ => 1.45,
    };

    public TerritoryModel BuildNetwork(int referenceYear)
    {
        var model = new TerritoryModel();
        PlaceSubstations(model, referenceYear);
        foreach (var substation in model.Substations)
        {
            GrowFeeders(model, substation, referenceYear);
        }

        return model;
    }

    /// <summary>Sizes transformers, feeders and substations once customers are known, then ties feeders.</summary>
    public void SizeAndTie(TerritoryModel model)
    {
        foreach (var transformer in model.Transformers)
        {
            // Design peak: summer afternoon, about 2.3 times average demand; sized with some units undersized.
            var designPeakKw = transformer.BaseKw * 2.3;
            var sizing = random.NextDouble() < 0.04 ? 0.7 + (random.NextDouble() * 0.15) : 0.95 + (random.NextDouble() * 0.4);
            var sizes = transformer.CustomerClass switch
            {
                "COMMERCIAL" => CommercialKva,
                "INDUSTRIAL" => IndustrialKva,
                _ => ResidentialKva,
            };
            transformer.CapacityKva = sizes.FirstOrDefault(s => s >= designPeakKw * sizing, sizes[^1]);
        }

        foreach (var feeder in model.Feeders)
        {
            feeder.ExpectedPeakKw = feeder.Transformers.Sum(t => t.BaseKw * 2.3) * 0.8;
            feeder.SummerPeakKw = feeder.Transformers.Sum(t => t.BaseKw * SummerPeakFactor(t.CustomerClass));
            RateFeeder(feeder);
        }

        foreach (var substation in model.Substations)
        {
            // Two or three banks, sized so the substation carries its summer peak with one bank out (N-1 firm capacity);
            // a few are not firm any more and would overload on the loss of a bank.
            var peakMva = substation.Feeders.Sum(f => f.SummerPeakKw) * 0.9 / 1000;
            var banks = substation.Feeders.Count > 6 ? 3 : 2;
            var firmShare = random.NextDouble() < 0.1 ? 0.75 + (random.NextDouble() * 0.2) : 1.0 + (random.NextDouble() * 0.3);
            var bankMva = SubstationBanksMva.FirstOrDefault(b => b * (banks - 1) >= peakMva * firmShare, SubstationBanksMva[^1]);
            while (bankMva * (banks - 1) < peakMva * firmShare && banks < 4)
            {
                banks++;
            }

            substation.CapacityMva = bankMva * banks;
        }

        TieFeeders(model);
    }

    private static readonly double[] SubstationBanksMva = [12.5, 20, 28, 33.6, 50];

    /// <summary>
    /// Picks the trunk conductor the planners would have strung for the feeder's summer peak at 50–85 % utilisation;
    /// some have outgrown their conductor since (a relief project not yet built) and run past their rating on summer
    /// afternoons: one in three legacy 4.16 kV circuits of the urban core, one in sixteen of the others.
    /// </summary>
    private void RateFeeder(FeederModel feeder)
    {
        var outgrown = random.NextDouble() < (feeder.VoltageKv < 5 ? 0.35 : 0.06);
        var utilisation = outgrown ? 1.04 + (random.NextDouble() * 0.16) : 0.5 + (random.NextDouble() * 0.35);
        var needed = feeder.SummerPeakKw / utilisation;
        var conductor = outgrown
            ? Conductors.LastOrDefault(c => FeederRatingKva(feeder.VoltageKv, c.Amps) <= needed, Conductors[0])
            : StandardTrunks.FirstOrDefault(c => FeederRatingKva(feeder.VoltageKv, c.Amps) >= needed, StandardTrunks[^1]);
        feeder.Conductor = conductor.Name;
        feeder.RatedAmps = conductor.Amps;
        feeder.CapacityKva = FeederRatingKva(feeder.VoltageKv, conductor.Amps);
    }

    private void PlaceSubstations(TerritoryModel model, int referenceYear)
    {
        var suburbs = Places.Where(p => p.IsSuburbCentre).ToArray();
        var spacingKm = preset.Substations > 50 ? 3.6 : 2.5;
        var attempts = 0;
        while (model.Substations.Count < preset.Substations && attempts++ < 200_000)
        {
            double lat, lon;
            if (preset.Substations <= 50 || random.NextDouble() < 0.62)
            {
                // 15 km around downtown at houston's 42 km radius; a wider territory spreads its urban core in proportion.
                var sigma = preset.Substations <= 50 ? preset.MetroRadiusKm / 2.2 : 15.0 * preset.MetroRadiusKm / 42.0;
                (lat, lon) = Offset(DowntownLat, DowntownLon, Math.Abs(Gaussian()) * sigma, random.NextDouble() * 2 * Math.PI);
            }
            else
            {
                var centre = suburbs[random.Next(suburbs.Length)];
                (lat, lon) = Offset(centre.Latitude, centre.Longitude, Math.Abs(Gaussian()) * 5.5, random.NextDouble() * 2 * Math.PI);
            }

            if (IsWater(lat, lon) || DistanceKm(lat, lon, DowntownLat, DowntownLon) > preset.MetroRadiusKm)
            {
                continue;
            }

            if (model.Substations.Any(s => DistanceKm(lat, lon, s.Latitude, s.Longitude) < spacingKm))
            {
                continue;
            }

            var place = NearestPlace(lat, lon);
            var number = model.Substations.Count + 1;
            var sameName = model.Substations.Count(s => s.Name.StartsWith(place.Name, StringComparison.Ordinal));
            var distance = DistanceKm(lat, lon, DowntownLat, DowntownLon);
            model.Substations.Add(new SubstationModel
            {
                Id = $"SUB-{number:000}",
                Name = sameName == 0 ? place.Name : $"{place.Name} {sameName + 1}",
                Latitude = Math.Round(lat, 6),
                Longitude = Math.Round(lon, 6),
                Region = Region(lat, lon),
                City = place.City,
                VoltageClass = distance < 10 && random.NextDouble() < 0.4 ? "69KV" : "138KV",
                Commissioned = new DateOnly(referenceYear - 5 - random.Next(0, 60), 1 + random.Next(12), 1 + random.Next(28)),
                Density = Math.Clamp(Math.Exp(-distance / 22.0), 0.25, 1.0),
            });
        }

        if (model.Substations.Count < preset.Substations)
        {
            throw new InvalidOperationException($"Could place only {model.Substations.Count} of {preset.Substations} substations.");
        }
    }

    private void GrowFeeders(TerritoryModel model, SubstationModel substation, int referenceYear)
    {
        var spread = Math.Max(1, preset.FeedersPerSubstation / 4);
        var count = Math.Clamp(
            (int)Math.Round(preset.FeedersPerSubstation * (0.84 + (0.4 * substation.Density))) + random.Next(-spread, spread + 1),
            3, 18);
        var number = int.Parse(substation.Id.AsSpan(4), System.Globalization.CultureInfo.InvariantCulture);
        var distance = DistanceKm(substation.Latitude, substation.Longitude, DowntownLat, DowntownLon);
        for (var i = 0; i < count; i++)
        {
            var code = $"{number:000}-{i + 1:00}";
            var voltage = distance < 8 && random.NextDouble() < 0.3 ? ("4KV", 4.16)
                : distance > 25 && random.NextDouble() < 0.3 ? ("25KV", 24.94)
                : ("12KV", 12.47);
            var feeder = new FeederModel
            {
                Id = $"FDR-{code}",
                Name = $"{substation.Name} {i + 1:00}",
                Substation = substation,
                VoltageClass = voltage.Item1,
                VoltageKv = voltage.Item2,
                BreakerId = $"BKR-{code}",
                Commissioned = new DateOnly(Math.Max(substation.Commissioned.Year, referenceYear - random.Next(3, 55)), 1 + random.Next(12), 1 + random.Next(28)),
            };
            var bearing = (2 * Math.PI * i / count) + ((random.NextDouble() - 0.5) * 0.5);
            GrowFeeder(model, feeder, code, bearing, referenceYear);
            substation.Feeders.Add(feeder);
            model.Feeders.Add(feeder);
        }
    }

    private void GrowFeeder(TerritoryModel model, FeederModel feeder, string code, double bearing, int referenceYear)
    {
        var substation = feeder.Substation;
        var density = substation.Density;
        var small = preset.Substations <= 50;
        var trunkKm = small ? 2.0 + random.NextDouble() : 4.0 + (6.0 * (1 - density)) + (random.NextDouble() * 2.0);
        const int TrunkSections = 8;
        var sectionKm = trunkKm / TrunkSections;
        var recloserAt = TrunkSections / 2;
        feeder.RecloserId = $"RCL-{code}";

        // Feeders differ widely in size: a log-normal spread gives hundreds to a few thousand customers around the median.
        var spread = Math.Exp(0.45 * Gaussian());
        var transformerTotal = Math.Clamp((int)Math.Round(preset.TransformersPerFeeder * (0.75 + (0.5 * density)) * spread),
            Math.Max(4, preset.TransformersPerFeeder / 5), preset.TransformersPerFeeder * 3);
        var lateralCount = Math.Max(TrunkSections + random.Next(2, 6), transformerTotal / 6);
        var perLateral = Distribute(transformerTotal, lateralCount);

        var (lat, lon) = Offset(substation.Latitude, substation.Longitude, 0.08, bearing);
        var trunkVertices = new List<(double Lat, double Lon, SegmentModel Segment)>();
        SegmentModel? parent = null;
        for (var s = 1; s <= TrunkSections; s++)
        {
            bearing += (random.NextDouble() - 0.5) * 0.35;
            var (nextLat, nextLon) = Offset(lat, lon, sectionKm, bearing);
            for (var turn = 0; turn < 6 && IsWater(nextLat, nextLon); turn++)
            {
                bearing += 0.6;
                (nextLat, nextLon) = Offset(lat, lon, sectionKm, bearing);
            }

            var segment = new SegmentModel
            {
                Id = $"SEG-{code}-T{s:00}",
                Feeder = feeder,
                IsTrunk = true,
                ParentId = parent?.Id,
                Sequence = s,
                DeviceId = s > recloserAt ? feeder.RecloserId : feeder.BreakerId,
                DeviceType = s > recloserAt ? "RECLOSER" : "BREAKER",
                FromLat = lat,
                FromLon = lon,
                ToLat = nextLat,
                ToLon = nextLon,
                LengthMetres = Math.Round(DistanceKm(lat, lon, nextLat, nextLon) * 1000, 1),
                IsOverhead = random.NextDouble() < preset.OverheadShare + 0.1,
            };
            feeder.Segments.Add(segment);
            trunkVertices.Add((nextLat, nextLon, segment));
            parent = segment;
            lat = nextLat;
            lon = nextLon;
        }

        feeder.TrunkEnd = (lat, lon);
        var perSection = (lateralCount + TrunkSections - 1) / TrunkSections;
        for (var l = 0; l < lateralCount; l++)
        {
            // Laterals leave each trunk section at points spread along it, alternating sides.
            var section = trunkVertices[l % TrunkSections];
            var along = ((l / TrunkSections) + 1.0) / (perSection + 1.0);
            var anchor = (
                Lat: section.Segment.FromLat + ((section.Segment.ToLat - section.Segment.FromLat) * along),
                Lon: section.Segment.FromLon + ((section.Segment.ToLon - section.Segment.FromLon) * along),
                section.Segment);
            var side = (l / TrunkSections) % 2 == 0 ? 1 : -1;
            var trunkBearing = Math.Atan2(
                (anchor.Segment.ToLon - anchor.Segment.FromLon) * KmPerDegreeLon(anchor.Lat),
                (anchor.Segment.ToLat - anchor.Segment.FromLat) * KmPerDegreeLat);
            var lateralBearing = trunkBearing + (side * (Math.PI / 2)) + ((random.NextDouble() - 0.5) * 0.6);
            GrowLateral(model, feeder, code, l + 1, anchor.Segment, anchor.Lat, anchor.Lon, lateralBearing, perLateral[l], referenceYear);
        }

        feeder.LengthMetres = feeder.Segments.Sum(s => s.LengthMetres);
    }

    private void GrowLateral(TerritoryModel model, FeederModel feeder, string code, int number, SegmentModel trunk,
        double lat, double lon, double bearing, int transformers, int referenceYear)
    {
        var fuseId = $"FUS-{code}-{number:00}";
        var pieces = Math.Clamp(1 + (transformers / 4), 1, 4);
        var spacingKm = 0.06 + (random.NextDouble() * 0.05);
        var pieceKm = Math.Max(0.08, transformers * spacingKm / pieces);
        var overhead = trunk.IsOverhead ? random.NextDouble() < 0.8 : random.NextDouble() < 0.3;
        var placed = 0;
        string? parentId = trunk.Id;
        for (var p = 0; p < pieces; p++)
        {
            bearing += (random.NextDouble() - 0.5) * 0.4;
            var (nextLat, nextLon) = Offset(lat, lon, pieceKm, bearing);
            var segment = new SegmentModel
            {
                Id = $"SEG-{code}-L{number:00}-{p + 1}",
                Feeder = feeder,
                IsTrunk = false,
                ParentId = parentId,
                Sequence = p + 1,
                DeviceId = fuseId,
                DeviceType = "FUSE",
                FromLat = lat,
                FromLon = lon,
                ToLat = nextLat,
                ToLon = nextLon,
                LengthMetres = Math.Round(DistanceKm(lat, lon, nextLat, nextLon) * 1000, 1),
                IsOverhead = overhead,
            };
            feeder.Segments.Add(segment);
            var here = (transformers * (p + 1) / pieces) - placed;
            for (var t = 0; t < here; t++)
            {
                var along = (t + 0.5) / here;
                var side = random.NextDouble() < 0.5 ? -1 : 1;
                var pointLat = lat + ((nextLat - lat) * along);
                var pointLon = lon + ((nextLon - lon) * along);
                var (tLat, tLon) = Offset(pointLat, pointLon, 0.012 + (random.NextDouble() * 0.015), bearing + (side * Math.PI / 2));
                AddTransformer(model, feeder, segment, fuseId, trunk, tLat, tLon, overhead, referenceYear);
            }

            placed += here;
            parentId = segment.Id;
            lat = nextLat;
            lon = nextLon;
        }
    }

    private void AddTransformer(TerritoryModel model, FeederModel feeder, SegmentModel segment, string fuseId, SegmentModel trunk,
        double lat, double lon, bool overhead, int referenceYear)
    {
        var density = feeder.Substation.Density;
        var industrialArea = lon > -95.28 && lat < 29.80 && lat > 29.62;
        var draw = random.NextDouble();
        var customerClass = draw < (industrialArea ? 0.08 : 0.015) ? "INDUSTRIAL"
            : draw < 0.10 + (0.12 * density) ? "COMMERCIAL"
            : "RESIDENTIAL";
        var age = Math.Clamp((int)Math.Round(5 + (random.NextDouble() * 40 * (0.6 + (0.6 * density)))), 1, 58);
        var health = Math.Clamp(98 - (age * 0.55) - (random.NextDouble() * 22) + (random.NextDouble() * 8), 18, 100);
        var index = model.Transformers.Count + 1;
        var transformer = new TransformerModel
        {
            Index = index,
            Id = $"TX-{index:0000000}",
            Feeder = feeder,
            Segment = segment,
            RecloserId = trunk.DeviceType == "RECLOSER" ? trunk.DeviceId : null,
            FuseId = fuseId,
            Latitude = Math.Round(lat, 6),
            Longitude = Math.Round(lon, 6),
            CustomerClass = customerClass,
            IsOverhead = overhead,
            InstallYear = referenceYear - age,
            HealthScore = Math.Round(health, 1),
            Manufacturer = Manufacturers[random.Next(Manufacturers.Length)],
        };
        feeder.Transformers.Add(transformer);
        model.Transformers.Add(transformer);
    }

    private static void TieFeeders(TerritoryModel model)
    {
        // Grid buckets of ~5 km keep the nearest-neighbour search linear at houston scale.
        const double Cell = 0.05;
        var buckets = model.Feeders
            .GroupBy(f => ((int)Math.Floor(f.TrunkEnd.Lat / Cell), (int)Math.Floor(f.TrunkEnd.Lon / Cell)))
            .ToDictionary(g => g.Key, g => g.ToList());
        foreach (var feeder in model.Feeders)
        {
            var (row, column) = ((int)Math.Floor(feeder.TrunkEnd.Lat / Cell), (int)Math.Floor(feeder.TrunkEnd.Lon / Cell));
            FeederModel? best = null;
            var bestKm = double.MaxValue;
            for (var dr = -2; dr <= 2; dr++)
            {
                for (var dc = -2; dc <= 2; dc++)
                {
                    if (!buckets.TryGetValue((row + dr, column + dc), out var candidates))
                    {
                        continue;
                    }

                    foreach (var other in candidates)
                    {
                        if (other.Substation == feeder.Substation)
                        {
                            continue;
                        }

                        var km = DistanceKm(feeder.TrunkEnd.Lat, feeder.TrunkEnd.Lon, other.TrunkEnd.Lat, other.TrunkEnd.Lon);
                        if (km < bestKm)
                        {
                            bestKm = km;
                            best = other;
                        }
                    }
                }
            }

            // Without a neighbour substation in reach, tie to the adjacent feeder of the same substation.
            best ??= feeder.Substation.Feeders.Count > 1
                ? feeder.Substation.Feeders[(feeder.Substation.Feeders.IndexOf(feeder) + 1) % feeder.Substation.Feeders.Count]
                : null;
            if (best is null)
            {
                continue;
            }

            feeder.Tie = best;
            feeder.TieSwitchId = best.Tie == feeder && best.TieSwitchId is not null
                ? best.TieSwitchId
                : $"TIE-{feeder.Id[4..]}";
        }
    }

    private int[] Distribute(int total, int buckets)
    {
        var weights = Enumerable.Range(0, buckets).Select(_ => 0.5 + random.NextDouble()).ToArray();
        var sum = weights.Sum();
        var counts = weights.Select(w => (int)Math.Floor(total * w / sum)).ToArray();
        for (var remainder = total - counts.Sum(); remainder > 0; remainder--)
        {
            counts[random.Next(buckets)]++;
        }

        return counts;
    }

    private double Gaussian()
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
