using System.Globalization;
using System.Text;
using StandardsKit.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace StandardsKit.Loading.Yaml;

/// <summary>
/// Reads one YAML document into a positioned tree under hard limits: size, depth, node count, no aliases,
/// no duplicate keys, strict UTF-8. Hostile input gets a diagnostic, never a hang or an exception.
/// </summary>
internal static class YamlReader
{
    public const int MaxBytes = Input.InputLimits.MaxFileBytes;
    public const int MaxDepth = 64;
    public const int MaxNodes = Input.InputLimits.MaxFileNodes;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads one document; <paramref name="budget"/>, when given, is the node budget shared by every file of a load.</summary>
    public static YamlNode? Read(string path, ReadOnlySpan<byte> bytes, DiagnosticBag diagnostics, LoadBudget? budget = null)
    {
        if (bytes.Length > MaxBytes)
        {
            diagnostics.Error(DiagnosticCodes.InputLimit, new SourceSpan(path, 1, 1),
                string.Create(CultureInfo.InvariantCulture, $"file is {bytes.Length:N0} bytes; the limit is {MaxBytes:N0}"), "split the standard into smaller files");
            return null;
        }

        string text;
        try
        {
            text = Decode(bytes);
        }
        catch (DecoderFallbackException e)
        {
            var (line, col) = LineOf(WithoutBom(bytes), e.Index);
            diagnostics.Error(DiagnosticCodes.Encoding, new SourceSpan(path, line, col), "file is not valid UTF-8",
                "save the file as UTF-8");
            return null;
        }

        var state = new State(path, diagnostics, budget, text);
        try
        {
            var parser = new YamlDotNet.Core.Parser(new StringReader(text));
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                diagnostics.Error(DiagnosticCodes.YamlSyntax, new SourceSpan(path, 1, 1), "file is empty", "see docs/authoring.md for the layout");
                return null;
            }

            parser.Consume<DocumentStart>();
            var root = ReadNode(parser, state, 0);
            parser.Consume<DocumentEnd>();
            if (!parser.Accept<StreamEnd>(out _))
            {
                diagnostics.Error(DiagnosticCodes.YamlSyntax, Span(path, parser.Current!.Start), "a file holds one YAML document",
                    "remove the second '---' document or move it to its own file");
                return null;
            }

            return state.Failed ? null : root;
        }
        catch (YamlException e)
        {
            diagnostics.Error(DiagnosticCodes.YamlSyntax, Span(path, e.Start), Clean(e.Message), "check indentation and quoting on this line");
            return null;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or OverflowException)
        {
            // YamlDotNet throws these for some malformed escapes (e.g. "\UFFFFFFFF"); they are still bad input.
            diagnostics.Error(DiagnosticCodes.YamlSyntax, new SourceSpan(path, 1, 1), $"the YAML cannot be read: {e.Message}",
                "check escapes in double-quoted strings");
            return null;
        }
        catch (LimitException)
        {
            return null;
        }
    }

    /// <summary>The text of a file as the reader sees it (strict UTF-8, a byte-order mark dropped): scalars' source positions index it.</summary>
    /// <exception cref="DecoderFallbackException">The bytes are not UTF-8.</exception>
    public static string Decode(ReadOnlySpan<byte> bytes) => StrictUtf8.GetString(WithoutBom(bytes));

    private static ReadOnlySpan<byte> WithoutBom(ReadOnlySpan<byte> bytes) => bytes.StartsWith("\uFEFF"u8) ? bytes[3..] : bytes;

    private static YamlNode ReadNode(IParser parser, State state, int depth)
    {
        if (depth > MaxDepth)
        {
            state.Diagnostics.Error(DiagnosticCodes.InputLimit, Span(state.Path, parser.Current!.Start),
                $"YAML nests deeper than {MaxDepth} levels", "flatten the structure");
            throw new LimitException();
        }

        if (++state.Nodes > MaxNodes)
        {
            state.Diagnostics.Error(DiagnosticCodes.InputLimit, Span(state.Path, parser.Current!.Start),
                string.Create(CultureInfo.InvariantCulture, $"file has more than {MaxNodes:N0} YAML nodes"), "split it into smaller files");
            throw new LimitException();
        }

        if (state.Budget is { } shared && shared.TakeNode() < 0)
        {
            state.Diagnostics.Error(DiagnosticCodes.InputLimit, Span(state.Path, parser.Current!.Start),
                string.Create(CultureInfo.InvariantCulture, $"the files of this load have more than {Input.InputLimits.MaxTotalNodes:N0} YAML nodes together; this file was not read to the end"),
                "load fewer files at once, or split the standards into several folders");
            throw new LimitException();
        }

        var current = parser.Current!;
        if (current is NodeEvent { Tag.IsEmpty: false } tagged)
        {
            // A tag (!include, !!binary, !ruby/object) asks a YAML library to do something; here it would be silently ignored.
            state.Diagnostics.Error(DiagnosticCodes.YamlTag, Span(state.Path, tagged.Start),
                $"YAML tags ({tagged.Tag.Value}) are not allowed", "remove the tag; quote the value if it should be text, e.g. '123'");
            throw new LimitException();
        }

        switch (current)
        {
            case AnchorAlias alias:
                state.Diagnostics.Error(DiagnosticCodes.InputLimit, Span(state.Path, alias.Start),
                    $"YAML aliases (*{alias.Value}) are not allowed", "write the value out; standards files must read as they mean");
                throw new LimitException();
            case Scalar scalar:
                parser.MoveNext();
                RejectAnchor(scalar.Anchor, scalar.Start, state);
                return new YamlScalar(Span(state.Path, scalar.Start), scalar.Value, scalar.Style)
                {
                    Source = new ScalarSource(state.Text, (int)scalar.Start.Index, (int)scalar.End.Index),
                };
            case SequenceStart start:
            {
                RejectAnchor(start.Anchor, start.Start, state);
                parser.MoveNext();
                var items = new List<YamlNode>();
                while (!parser.TryConsume<SequenceEnd>(out _))
                {
                    items.Add(ReadNode(parser, state, depth + 1));
                }

                return new YamlSequence(Span(state.Path, start.Start), items);
            }

            case MappingStart start:
            {
                RejectAnchor(start.Anchor, start.Start, state);
                parser.MoveNext();
                var entries = new List<KeyValuePair<YamlScalar, YamlNode>>();
                var seen = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    var keyNode = ReadNode(parser, state, depth + 1);
                    if (keyNode is not YamlScalar key)
                    {
                        state.Diagnostics.Error(DiagnosticCodes.YamlSyntax, keyNode.Span, "mapping keys must be plain values", null);
                        throw new LimitException();
                    }

                    var value = ReadNode(parser, state, depth + 1);
                    if (seen.TryGetValue(key.Value, out var first))
                    {
                        state.Diagnostics.Error(DiagnosticCodes.DuplicateKey, key.Span,
                            $"duplicate key '{key.Value}' (first at line {first.Line})", "remove one of them");
                        state.Failed = true;
                        continue;
                    }

                    seen[key.Value] = key.Span;
                    entries.Add(new(key, value));
                }

                return new YamlMapping(Span(state.Path, start.Start), entries);
            }

            default:
                throw new YamlException(current.Start, current.End, $"unexpected {current.GetType().Name}");
        }
    }

    private static void RejectAnchor(AnchorName anchor, Mark at, State state)
    {
        if (!anchor.IsEmpty)
        {
            state.Diagnostics.Error(DiagnosticCodes.InputLimit, Span(state.Path, at),
                $"YAML anchors (&{anchor.Value}) are not allowed", "write the value out where it is used");
            throw new LimitException();
        }
    }

    private static SourceSpan Span(string path, Mark mark) => new(path, (int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));

    private static string Clean(string message)
    {
        // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: …) - (…): "; the position is already in the span.
        var i = message.LastIndexOf("): ", StringComparison.Ordinal);
        return (i >= 0 ? message[(i + 3)..] : message).Trim();
    }

    private static (int Line, int Column) LineOf(ReadOnlySpan<byte> bytes, int index)
    {
        var line = 1;
        var column = 1;
        for (var i = 0; i < Math.Min(index, bytes.Length); i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
                column = 1;
            }
            else if ((bytes[i] & 0xC0) != 0x80)
            {
                column++;
            }
        }

        return (line, column);
    }

    private sealed class State(string path, DiagnosticBag diagnostics, LoadBudget? budget, string text)
    {
        /// <summary>The whole file, shared by every scalar so expression errors can be mapped to their characters.</summary>
        public string Text { get; } = text;

        public string Path { get; } = path;

        public DiagnosticBag Diagnostics { get; } = diagnostics;

        public LoadBudget? Budget { get; } = budget;

        public int Nodes { get; set; }

        public bool Failed { get; set; }
    }

    private sealed class LimitException : Exception;
}

/// <summary>What is left of a load's total budget: bytes across every file, and YAML nodes across every file.</summary>
internal sealed class LoadBudget
{
    public long Bytes { get; set; } = Input.InputLimits.MaxTotalBytes;

    private readonly int initialNodes;
    private int nodes;

    /// <param name="nodes">The node budget: the documented limit unless a test needs a smaller one.</param>
    public LoadBudget(int nodes = Input.InputLimits.MaxTotalNodes) => initialNodes = this.nodes = nodes;

    /// <summary>Whether some file asked for a node the budget no longer had.</summary>
    public bool NodesExhausted => Volatile.Read(ref nodes) < 0;

    /// <summary>The same budget with every node back, for parsing the same files again; what is left of the bytes stays.</summary>
    public LoadBudget WithFreshNodes() => new(initialNodes) { Bytes = Bytes };

    /// <summary>Takes one node from the budget (files are parsed in parallel) and returns what is left.</summary>
    public int TakeNode() => Interlocked.Decrement(ref nodes);

    /// <summary>
    /// Takes a whole file's nodes at once if that many are left, for a tree that is not parsed here (a snapshot's);
    /// otherwise takes nothing and returns false, and the file is parsed, so the limit is reported where parsing
    /// reaches it, as for any other file.
    /// </summary>
    public bool TryTakeNodes(int count)
    {
        var left = Volatile.Read(ref nodes);
        while (left >= count)
        {
            var seen = Interlocked.CompareExchange(ref nodes, left - count, left);
            if (seen == left)
            {
                return true;
            }

            left = seen;
        }

        return false;
    }
}
