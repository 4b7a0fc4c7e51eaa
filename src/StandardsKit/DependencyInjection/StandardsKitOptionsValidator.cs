using Microsoft.Extensions.Options;

namespace StandardsKit.DependencyInjection;

/// <summary>
/// Validates the options by loading what they name, so that <c>ValidateOnStart</c> fails the host at start with
/// the standards' diagnostics instead of at the first request.
/// </summary>
internal sealed class StandardsKitOptionsValidator(StandardsLoader loader) : IValidateOptions<StandardsKitOptions>
{
    private const int Listed = 20;

    public ValidateOptionsResult Validate(string? name, StandardsKitOptions options)
    {
        if (name != Options.DefaultName)
        {
            return ValidateOptionsResult.Skip;
        }

        if (options.WatchInterval < TimeSpan.FromMilliseconds(50))
        {
            return ValidateOptionsResult.Fail($"StandardsKit:WatchInterval is {options.WatchInterval}; use at least 00:00:00.050");
        }

        if (options.Watch && options.StandardsDirectory is null)
        {
            return ValidateOptionsResult.Fail("StandardsKit:Watch needs StandardsKit:StandardsDirectory (the embedded standards never change)");
        }

        var attempt = loader.Initial(options);
        if (attempt.Catalog is not null)
        {
            return ValidateOptionsResult.Success;
        }

        var source = options.StandardsDirectory ?? "the embedded standards";
        var failures = new List<string> { $"the standards in {source} do not load: {attempt.Errors.Count} error(s)" };
        failures.AddRange(attempt.Errors.Take(Listed).Select(e => e.ToString()));
        if (attempt.Errors.Count > Listed)
        {
            failures.Add($"… and {attempt.Errors.Count - Listed} more; run 'standardskit validate {source}' for all of them");
        }

        return ValidateOptionsResult.Fail(failures);
    }
}
