namespace StandardsKit.Model;

/// <summary>The spelling of each <see cref="Evidence"/> value in YAML, JSON and messages.</summary>
internal static class EvidenceNames
{
    /// <summary>Every name, strongest first (the order <c>validate</c> prints the counts in).</summary>
    public static readonly IReadOnlyList<string> All = ["verbatim", "secondary", "policy", "carried-forward", "reconstructed"];

    public static string Name(this Evidence evidence) => evidence switch
    {
        Evidence.Verbatim => "verbatim",
        Evidence.Secondary => "secondary",
        Evidence.Policy => "policy",
        Evidence.CarriedForward => "carried-forward",
        _ => "reconstructed",
    };

    /// <summary>The value for a name; anything else is <see cref="Evidence.Reconstructed"/> (the schema refuses it first).</summary>
    public static Evidence Parse(string? name) => name switch
    {
        "verbatim" => Evidence.Verbatim,
        "secondary" => Evidence.Secondary,
        "policy" => Evidence.Policy,
        "carried-forward" => Evidence.CarriedForward,
        _ => Evidence.Reconstructed,
    };
}
