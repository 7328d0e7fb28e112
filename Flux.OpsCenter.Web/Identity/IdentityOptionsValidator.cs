using Microsoft.Extensions.Options;

namespace Flux.OpsCenter.Web.Identity;

/// <summary>A role that is not one of ours would silently make a user a viewer, so a typo stops the start instead.</summary>
public sealed class IdentityOptionsValidator : IValidateOptions<IdentityOptions>
{
    public ValidateOptionsResult Validate(string? name, IdentityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var allowed = string.Join(", ", OpsCenterRoles.All);
        if (OpsCenterRoles.Canonical(options.LocalRole) is null)
        {
            failures.Add($"{IdentityOptions.SectionName}:LocalRole '{options.LocalRole}' is not one of {allowed}.");
        }

        if (OpsCenterRoles.Canonical(options.DefaultRole) is null)
        {
            failures.Add($"{IdentityOptions.SectionName}:DefaultRole '{options.DefaultRole}' is not one of {allowed}.");
        }

        if (string.IsNullOrWhiteSpace(options.LocalUser))
        {
            failures.Add($"{IdentityOptions.SectionName}:LocalUser must name the local identity.");
        }

        foreach (var (user, role) in options.Users)
        {
            if (OpsCenterRoles.Canonical(role) is null)
            {
                failures.Add($"{IdentityOptions.SectionName}:Users:{user} '{role}' is not one of {allowed}.");
            }
        }

        foreach (var origin in options.AllowedHubOrigins)
        {
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.AbsolutePath != "/" || origin.Contains('*', StringComparison.Ordinal))
            {
                failures.Add($"{IdentityOptions.SectionName}:AllowedHubOrigins '{origin}' must be an origin such as https://wall.example.com (no path, no wildcard).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
