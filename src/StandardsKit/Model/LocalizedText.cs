namespace StandardsKit.Model;

/// <summary>Text in Chinese (authoritative) and, where someone translated it, English.</summary>
/// <param name="Zh">The Chinese text; for verbatim fields, exactly as the official document has it.</param>
/// <param name="En">An English rendering, ours unless a source says otherwise.</param>
public sealed record LocalizedText(string Zh, string? En)
{
    /// <summary>The text in the requested language, falling back to Chinese.</summary>
    public string In(string language) =>
        string.Equals(language, "en", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(En) ? En : Zh;
}
