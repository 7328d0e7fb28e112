using Flux.OpsCenter.Data.Embedded;
using Flux.OpsCenter.Data.Synthetic;
using Microsoft.Extensions.Options;

namespace Flux.OpsCenter.Web.Hosting;

/// <summary>Fails start-up with a message naming the setting when the data source is misconfigured.</summary>
public sealed class OpsCenterOptionsValidator(IOptions<EmbeddedOptions> embedded) : IValidateOptions<OpsCenterOptions>
{
    public ValidateOptionsResult Validate(string? name, OpsCenterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.Equals(options.Provider, ProviderNames.Embedded, StringComparison.OrdinalIgnoreCase))
        {
            var settings = embedded.Value;
            if (string.IsNullOrWhiteSpace(settings.DatabasePath))
            {
                failures.Add($"{EmbeddedOptions.SectionName}:DatabasePath must name the DuckDB file (default data/flux-opscenter.duckdb).");
            }

            try
            {
                TerritoryPreset.Parse(settings.Preset);
            }
            catch (ArgumentException)
            {
                failures.Add($"{EmbeddedOptions.SectionName}:Preset is '{settings.Preset}'; use 'houston' or 'small'.");
            }
        }
        else if (!string.Equals(options.Provider, ProviderNames.Snowflake, StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"{OpsCenterOptions.SectionName}:Provider is '{options.Provider}'; use '{ProviderNames.Embedded}' or '{ProviderNames.Snowflake}'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
