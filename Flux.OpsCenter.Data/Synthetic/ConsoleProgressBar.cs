namespace Flux.OpsCenter.Data.Synthetic;

/// <summary>
/// Draws generator progress as a bar on a terminal, or as one line per stage when output is redirected
/// (CI logs, containers), so progress is visible either way.
/// </summary>
public sealed class ConsoleProgressBar(TextWriter output, bool interactive) : IProgress<GenerationProgress>
{
    private const int Width = 30;
    private readonly Lock _gate = new();
    private string _lastStage = "";
    private int _lastPercent = -1;

    /// <summary>A bar on standard error, redrawn in place when it is a terminal.</summary>
    public static ConsoleProgressBar ForStandardError() => new(Console.Error, !Console.IsErrorRedirected);

    public void Report(GenerationProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var percent = (int)Math.Round(Math.Clamp(value.Fraction, 0, 1) * 100);
        lock (_gate)
        {
            if (percent == _lastPercent && value.Stage == _lastStage)
            {
                return;
            }

            var filled = percent * Width / 100;
            var bar = $"[{new string('#', filled)}{new string('-', Width - filled)}] {percent,3}% {value.Elapsed.TotalSeconds,5:0.0}s {value.Stage}";
            if (interactive)
            {
                output.Write($"\r{bar,-110}");
                if (percent >= 100)
                {
                    output.WriteLine();
                }
            }
            else if (value.Stage != _lastStage)
            {
                output.WriteLine(bar);
            }

            _lastPercent = percent;
            _lastStage = value.Stage;
        }
    }
}
