namespace Flux.OpsCenter.Data.Analysis.Cascade;

/// <summary>Simulation inputs: ambient °C, demand multiplier, stress threshold (0–1) and the seed of the stress draws.</summary>
public sealed record CascadeParameters(double TemperatureC, double LoadMultiplier, double FailureThreshold, int Seed = CascadeParameters.DefaultSeed)
{
    public const int DefaultSeed = 42;
    public const double MinTemperatureC = -25;
    public const double MaxTemperatureC = 50;
    public const double MinLoadMultiplier = 0.3;
    public const double MaxLoadMultiplier = 3.0;
    public const double MinFailureThreshold = 0.1;
    public const double MaxFailureThreshold = 0.95;

    /// <summary>Field errors keyed by parameter name; empty when every value is in range.</summary>
    public IReadOnlyDictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!(TemperatureC is >= MinTemperatureC and <= MaxTemperatureC))
        {
            errors["temperatureC"] = [$"Temperature must be between {MinTemperatureC} and {MaxTemperatureC} °C."];
        }

        if (!(LoadMultiplier is >= MinLoadMultiplier and <= MaxLoadMultiplier))
        {
            errors["loadMultiplier"] = [$"Load multiplier must be between {MinLoadMultiplier} and {MaxLoadMultiplier}."];
        }

        if (!(FailureThreshold is >= MinFailureThreshold and <= MaxFailureThreshold))
        {
            errors["failureThreshold"] = [$"Failure threshold must be between {MinFailureThreshold} and {MaxFailureThreshold}."];
        }

        return errors;
    }

    /// <summary>
    /// Ambient derating of equipment ratings: IEEE C57.91 rates at 30 °C average ambient and loses about 1 % of
    /// capacity per °C above it; cold adds no capacity (we do not credit cold-weather overload ratings).
    /// </summary>
    public double CapacityFactor => TemperatureC > 30 ? Math.Max(0.5, 1 - (0.01 * (TemperatureC - 30))) : 1.0;
}
