using StandardsKit.Diagnostics;

namespace StandardsKit.Import;

/// <summary>What the importer found for one field or item.</summary>
public enum ImportFindingKind
{
    /// <summary>The edition's text equals the official text.</summary>
    Matches,

    /// <summary>The edition's text equals the official text but is not labelled verbatim.</summary>
    MatchesButNotVerbatim,

    /// <summary>The edition's text differs from the official text.</summary>
    Differs,

    /// <summary>The edition lacks a field the official text has.</summary>
    Missing,

    /// <summary>An official item no edition item matches by name or number.</summary>
    UnmatchedOfficialItem,

    /// <summary>An edition item the official text does not contain.</summary>
    UnmatchedEditionItem,

    /// <summary>The official number differs from the edition's.</summary>
    NumberDiffers,
}

/// <summary>One finding of <see cref="EditionImporter.Compare"/>.</summary>
/// <param name="Kind">What was found.</param>
/// <param name="Item">Edition item id, when matched.</param>
/// <param name="OfficialName">The official item name, when there is one.</param>
/// <param name="Field">The field, for field findings.</param>
/// <param name="EditionText">The edition's text.</param>
/// <param name="OfficialText">The official text.</param>
/// <param name="Span">Where in the edition file.</param>
public sealed record ImportFinding(ImportFindingKind Kind, string? Item, string? OfficialName, string? Field, string? EditionText, string? OfficialText, SourceSpan? Span)
{
    /// <summary>One line for the terminal (texts from the edition and the official text escaped).</summary>
    public override string ToString()
    {
        var where = Span is null ? "" : Span + ": ";
        var what = Kind switch
        {
            ImportFindingKind.Matches => $"matches: {Item} {Field}",
            ImportFindingKind.MatchesButNotVerbatim => $"matches the official text but is not labelled verbatim: {Item} {Field}",
            ImportFindingKind.Differs => $"differs: {Item} {Field}: {Text.InlineTextDiff.Render(EditionText, OfficialText)}",
            ImportFindingKind.Missing => $"missing: {Item} {Field} (official: {OfficialText})",
            ImportFindingKind.UnmatchedOfficialItem => $"official item not in the edition: {OfficialName}",
            ImportFindingKind.UnmatchedEditionItem => $"edition item not in the official text: {Item}",
            _ => $"number differs: {Item} is ({EditionText}) here, ({OfficialText}) officially",
        };
        return Text.TerminalText.Line(where + what);
    }
}
