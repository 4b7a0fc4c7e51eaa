using StandardsKit.Engine;

namespace StandardsKit.Analysis;

/// <summary>
/// One floor obligation: on the days <see cref="From"/>..<see cref="Until"/>, the local item
/// <see cref="Item"/> of <see cref="Standard"/> serves every resident its parent serves, with every quantity at
/// least the parent's.
/// </summary>
/// <param name="Standard">The local edition, <c>id@edition</c>.</param>
/// <param name="Item">The local item id.</param>
/// <param name="Implements">The parent item it implements.</param>
/// <param name="Parent">The parent edition actually in force on these days (which may be newer than <c>extends</c>).</param>
/// <param name="From">First day of the interval.</param>
/// <param name="Until">Last day of the interval; null when open-ended.</param>
/// <param name="Status">Proved, violated or unsupported.</param>
/// <param name="Example">For a violation: a minimal resident (only the facts that matter) who shows it.</param>
/// <param name="County">For a violation: the county-level unit the example is evaluated in.</param>
/// <param name="Reason">For a violation, what fails; for an unsupported obligation, what blocked the proof.</param>
public sealed record FloorProof(string Standard, string Item, string Implements, string Parent, DateOnly From, DateOnly? Until,
    ProofStatus Status, Resident? Example, string? County, string? Reason);
