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
    return 0;
}
catch (Exception ex) when (ex is OptionsValidationException or FluxDataException)
{
    // Misconfiguration and unusable data files end the process with the message that names the fix.
    await Console.Error.WriteLineAsync($"Flux Operations Center cannot start: {ex.Message}");
    return 1;
}

/// <summary>Entry point, public so WebApplicationFactory can host the app in tests.</summary>
public partial class Program;
