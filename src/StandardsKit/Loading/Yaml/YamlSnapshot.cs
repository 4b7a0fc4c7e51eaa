using System.Collections.Frozen;
using System.Text;
using StandardsKit.Diagnostics;
using YamlDotNet.Core;

namespace StandardsKit.Loading.Yaml;

/// <summary>
/// Parsed YAML trees of the embedded standards files, written when the CLI is built (tools/snapshot) and embedded in
/// it, so a short command does not parse the same bytes with YamlDotNet on every launch: parsing was about a third
/// of <c>standardskit eval</c>'s wall time. A tree is found by the SHA-256 of the file's bytes, so it is only ever
/// used for exactly the bytes it was read from (a checkout that differs gets parsed as usual), and it is rebuilt
/// with the loading file's own path, so positions name the file the user has.
/// </summary>
/// <remarks>
/// The format is private to one build: written and read by the same assembly, checked by its version byte, and
/// the writer's input is <see cref="YamlReader"/>'s output (<c>YamlSnapshotTests</c> checks the round trip on every
/// embedded file). Only files that read without any finding are written.
/// </remarks>
internal sealed class YamlSnapshot
{
    private const uint Magic = 0x544E_5353; // "SSNT"
    private const byte Version = 2;

    private readonly byte[] _data;
    private readonly FrozenDictionary<string, (int Offset, int Nodes)> _offsets;

    private YamlSnapshot(byte[] data, FrozenDictionary<string, (int Offset, int Nodes)> offsets)
    {
        _data = data;
        _offsets = offsets;
    }

    private static Lazy<YamlSnapshot?>? registered;

    /// <summary>The snapshot registered for this process, read on first use; null when none is.</summary>
    public static YamlSnapshot? Current => registered?.Value;

    /// <summary>
    /// Registers where this process's snapshot comes from (the CLI, at start-up); the first registration stands.
    /// A snapshot holds trees only for the bytes they were read from, so any registered one gives the same loads.
    /// </summary>
    public static void Register(Func<YamlSnapshot?> load) => Interlocked.CompareExchange(ref registered, new Lazy<YamlSnapshot?>(load), null);

    /// <summary>How many files the snapshot holds.</summary>
    public int Count => _offsets.Count;

    /// <summary>Writes the trees of the given files, each under the SHA-256 of its bytes.</summary>
    public static void Write(Stream output, IEnumerable<(string Sha256, YamlNode Root)> files)
    {
        using var writer = new BinaryWriter(output, Encoding.UTF8, leaveOpen: true);
        var list = files.ToList();
        writer.Write(Magic);
        writer.Write(Version);
        writer.Write(list.Count);
        foreach (var (sha256, root) in list)
        {
            using var tree = new MemoryStream();
            var nodes = 0;
            using (var treeWriter = new BinaryWriter(tree, Encoding.UTF8, leaveOpen: true))
            {
                WriteNode(treeWriter, root, ref nodes);
            }

            writer.Write(sha256);
            writer.Write(nodes);
            writer.Write((int)tree.Length);
            writer.Write(tree.GetBuffer(), 0, (int)tree.Length);
        }
    }

    /// <summary>Reads a snapshot written by <see cref="Write"/>; null when the bytes are not one (another version).</summary>
    public static YamlSnapshot? Load(byte[] data)
    {
        using var reader = new BinaryReader(new MemoryStream(data, writable: false), Encoding.UTF8);
        if (data.Length < 9 || reader.ReadUInt32() != Magic || reader.ReadByte() != Version)
        {
            return null;
        }

        var offsets = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        var count = reader.ReadInt32();
        for (var i = 0; i < count; i++)
        {
            var sha256 = reader.ReadString();
            var nodes = reader.ReadInt32();
            var length = reader.ReadInt32();
            offsets[sha256] = ((int)reader.BaseStream.Position, nodes);
            reader.BaseStream.Seek(length, SeekOrigin.Current);
        }

        return new YamlSnapshot(data, offsets.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>How many YAML nodes the reader counted in the file with these bytes (what it takes from a load's budget), or null when the snapshot does not hold them.</summary>
    public int? NodeCount(string sha256) => _offsets.TryGetValue(sha256, out var entry) ? entry.Nodes : null;

    /// <summary>
    /// The tree of the file with these bytes, positioned in <paramref name="path"/>, or null when the snapshot does
    /// not hold them or <paramref name="budget"/> has fewer nodes left than the file has (then the caller parses it,
    /// and the limit is reported where parsing reaches it).
    /// </summary>
    /// <param name="sha256">The SHA-256 of <paramref name="bytes"/> (<see cref="RevisionHash.Sha256"/>).</param>
    /// <param name="path">The path positions should name.</param>
    /// <param name="bytes">The file's bytes, whose text scalars point into (for exact expression positions).</param>
    /// <param name="budget">The load's budget, charged the file's nodes as if it were parsed.</param>
    public YamlNode? Read(string sha256, string path, ReadOnlySpan<byte> bytes, LoadBudget? budget = null)
    {
        if (!_offsets.TryGetValue(sha256, out var entry) || (budget is not null && !budget.TryTakeNodes(entry.Nodes)))
        {
            return null;
        }

        var offset = entry.Offset;

        var text = YamlReader.Decode(bytes);
        using var reader = new BinaryReader(new MemoryStream(_data, offset, _data.Length - offset, writable: false), Encoding.UTF8);
        return ReadNode(reader, path, text);
    }

    private enum Kind : byte
    {
        Scalar,
        Sequence,
        Mapping,
    }

    private static void WriteNode(BinaryWriter writer, YamlNode node, ref int nodes)
    {
        nodes++;
        switch (node)
        {
            case YamlScalar scalar:
                writer.Write((byte)Kind.Scalar);
                WriteSpan(writer, scalar.Span);
                writer.Write(scalar.Value);
                writer.Write((byte)scalar.Style);
                writer.Write(scalar.Source?.Start ?? -1);
                writer.Write(scalar.Source?.End ?? -1);
                break;
            case YamlSequence sequence:
                writer.Write((byte)Kind.Sequence);
                WriteSpan(writer, sequence.Span);
                writer.Write(sequence.Items.Count);
                foreach (var item in sequence.Items)
                {
                    WriteNode(writer, item, ref nodes);
                }

                break;
            case YamlMapping mapping:
                writer.Write((byte)Kind.Mapping);
                WriteSpan(writer, mapping.Span);
                writer.Write(mapping.Entries.Count);
                foreach (var (key, value) in mapping.Entries)
                {
                    WriteNode(writer, key, ref nodes);
                    WriteNode(writer, value, ref nodes);
                }

                break;
            default:
                throw new InvalidOperationException($"a YAML node of type {node.GetType().Name} cannot be written to a snapshot");
        }
    }

    private static void WriteSpan(BinaryWriter writer, SourceSpan span)
    {
        writer.Write(span.Line);
        writer.Write(span.Column);
    }

    private static YamlNode ReadNode(BinaryReader reader, string path, string text)
    {
        var kind = (Kind)reader.ReadByte();
        var span = new SourceSpan(path, reader.ReadInt32(), reader.ReadInt32());
        switch (kind)
        {
            case Kind.Scalar:
                var value = reader.ReadString();
                var style = (ScalarStyle)reader.ReadByte();
                var (start, end) = (reader.ReadInt32(), reader.ReadInt32());
                return new YamlScalar(span, value, style) { Source = start < 0 ? null : new ScalarSource(text, start, end) };
            case Kind.Sequence:
                var items = new YamlNode[reader.ReadInt32()];
                for (var i = 0; i < items.Length; i++)
                {
                    items[i] = ReadNode(reader, path, text);
                }

                return new YamlSequence(span, items);
            case Kind.Mapping:
                var entries = new KeyValuePair<YamlScalar, YamlNode>[reader.ReadInt32()];
                for (var i = 0; i < entries.Length; i++)
                {
                    var key = (YamlScalar)ReadNode(reader, path, text);
                    entries[i] = new(key, ReadNode(reader, path, text));
                }

                return new YamlMapping(span, entries);
            default:
                throw new InvalidDataException($"the YAML snapshot is damaged (node kind {(byte)kind})");
        }
    }
}
