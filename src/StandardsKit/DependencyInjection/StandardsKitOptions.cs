namespace StandardsKit.DependencyInjection;

/// <summary>Options for <see cref="ServiceCollectionExtensions.AddStandardsKit"/>.</summary>
public sealed class StandardsKitOptions
{
    /// <summary>
    /// A folder of standards YAML to load instead of the embedded default; null (the default) uses the
    /// national and local standards shipped in the package.
    /// </summary>
    public string? StandardsDirectory { get; set; }

    /// <summary>When true, loading fails on warnings too, not only on errors (default false).</summary>
    public bool TreatWarningsAsErrors { get; set; }
}
