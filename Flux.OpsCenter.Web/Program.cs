using Flux.OpsCenter.Data;
using Flux.OpsCenter.Web.Hosting;
using Microsoft.Extensions.Options;

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddOpsCenter();
    var app = builder.Build();
    app.MapOpsCenter();
    await app.RunAsync();
    // Non-zero when a background start-up step (generating the territory) failed and stopped the app.
    return Environment.ExitCode;
}
catch (Exception ex) when (ex is OptionsValidationException or FluxDataException
    || ex is InvalidOperationException { InnerException: FormatException or ArgumentException or OverflowException })
{
    // Misconfiguration (a setting that fails validation or cannot even be converted, e.g. Auth=Bogus or a timeout of "abc")
    // and unusable data files end the process with the message that names the fix, not an unhandled-exception abort.
    await Console.Error.WriteLineAsync($"Flux Operations Center cannot start: {ex.Message}");
    return 1;
}

/// <summary>Entry point, public so WebApplicationFactory can host the app in tests.</summary>
public partial class Program;
