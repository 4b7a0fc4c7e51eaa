using System.Text.RegularExpressions;

namespace StandardsKit.Tests.TestSupport;

/// <summary>
/// Golden evaluation files hold placeholders for the revision's values: the standards hash changes with any edit
/// under standards/ and the engine version with every commit, neither of which is a change of the eval contract.
/// The values themselves are checked by RevisionTests.
/// </summary>
internal static partial class RevisionMask
{
    public const string StandardsPlaceholder = "<sha256 of the loaded standards files>";
    public const string EnginePlaceholder = "<engine version>";

    public static string Apply(string json) =>
        Engine().Replace(Standards().Replace(json, $"\"standards\": \"{StandardsPlaceholder}\""), $"\"engine\": \"{EnginePlaceholder}\"");

    [GeneratedRegex("\"standards\": \"[0-9a-f]{64}\"")]
    private static partial Regex Standards();

    [GeneratedRegex("\"engine\": \"[^\"]+\"")]
    private static partial Regex Engine();
}
