using StandardsKit.Engine;

namespace StandardsKit.Analysis;

/// <summary>What an equalisation run covers.</summary>
public sealed record EqualizationOptions
{
    /// <summary>Only the county-level units inside this jurisdiction (a province, a prefecture); null for all.</summary>
    public string? Within { get; init; }

    /// <summary>Only these item ids; empty for every item in force.</summary>
    public IReadOnlyList<string> Items { get; init; } = [];

    /// <summary>How many of the largest gaps to rank.</summary>
    public int GapCount { get; init; } = 20;

    /// <summary>A weighted resident sample per county, for the cost under the rules; null for none.</summary>
    public IReadOnlyList<PopulationRecord>? Population { get; init; }
}

/// <summary>One line of a population file: a resident standing for <paramref name="Weight"/> people in a county.</summary>
/// <param name="County">The county-level code where they are evaluated.</param>
/// <param name="Weight">How many people the line stands for (may be fractional).</param>
/// <param name="Resident">Their facts.</param>
/// <param name="Line">The line in the file, for messages.</param>
public sealed record PopulationRecord(string County, decimal Weight, Resident Resident, int Line);
