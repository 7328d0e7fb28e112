namespace Flux.OpsCenter.Data.Synthetic;

/// <summary>Settings of the live event simulator (embedded mode only), bound from <c>OpsCenter:Simulator</c>.</summary>
public sealed class SimulatorOptions
{
    public const string SectionName = "OpsCenter:Simulator";

    /// <summary>Whether faults, restorations, crew moves and load swings happen by themselves.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Sustained faults per simulated hour in normal weather.</summary>
    public double FaultsPerHour { get; set; } = 6;

    /// <summary>Storm mode multiplies the fault rate and favours feeder-level lockouts.</summary>
    public bool Storm { get; set; }

    /// <summary>How much faster than the wall clock simulated time runs (1 = real time).</summary>
    public double Speed { get; set; } = 1;

    /// <summary>Real time between simulator steps.</summary>
    public TimeSpan StepInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Whether the simulator starts by fast-forwarding from the data's "now" to the wall clock, so a file that sat
    /// unused shows the present, not the moment it was last live.
    /// </summary>
    public bool CatchUp { get; set; } = true;

    /// <summary>
    /// The longest gap that is simulated event by event on catch-up; anything older is skipped (no events), since the
    /// hourly telemetry keeps only the last days anyway.
    /// </summary>
    public TimeSpan MaxCatchUp { get; set; } = TimeSpan.FromDays(TerritoryGenerator.TelemetryDays);

    /// <summary>Seed of the simulator's random choices, for reproducible runs.</summary>
    public int Seed { get; set; } = 1366;

    /// <summary>
    /// Maps <c>POST /api/simulator/faults</c> and <c>POST /api/simulator/outages/{id}/restore</c>, unauthenticated writes
    /// for demos and the live benchmarks; off unless asked for.
    /// </summary>
    public bool ControlApi { get; set; }
}
