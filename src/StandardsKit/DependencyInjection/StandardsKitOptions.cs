namespace StandardsKit.DependencyInjection;

/// <summary>
/// Options for <see cref="ServiceCollectionExtensions.AddStandardsKit"/>, bound from the <c>"StandardsKit"</c>
/// configuration section (<see cref="SectionName"/>) when an <c>IConfiguration</c> is registered, e.g.
/// <c>{"StandardsKit": {"StandardsDirectory": "/srv/standards", "Watch": true}}</c> in appsettings.json or
/// <c>StandardsKit__Watch=true</c> in the environment.
/// </summary>
public sealed class StandardsKitOptions
{
    /// <summary>The configuration section the options are bound from: <c>StandardsKit</c>.</summary>
    public const string SectionName = "StandardsKit";

    /// <summary>
    /// A folder of standards YAML to load instead of the embedded default; null (the default) uses the
    /// national and local standards shipped in the package.
    /// </summary>
    public string? StandardsDirectory { get; set; }

    /// <summary>When true, loading fails on warnings too, not only on errors (default false).</summary>
    public bool TreatWarningsAsErrors { get; set; }

    /// <summary>
    /// When true (and <see cref="StandardsDirectory"/> is set), the folder is watched: a changed revision is
    /// loaded in the background and swapped in atomically only when it loads without errors (default false).
    /// </summary>
    public bool Watch { get; set; }

    /// <summary>How often a watched folder is checked for changes (default 1 second; at least 50 ms).</summary>
    public TimeSpan WatchInterval { get; set; } = TimeSpan.FromSeconds(1);
}
