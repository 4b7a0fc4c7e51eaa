using StandardsKit.Diagnostics;
using StandardsKit.Loading;
using StandardsKit.Loading.Yaml;

// Usage: StandardsKit.SnapshotBuilder OUTPUT. Writes the snapshot of every embedded standards file that reads without
// a finding (a file with one is left out, so loading it parses and reports as usual), replacing OUTPUT atomically.
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: StandardsKit.SnapshotBuilder OUTPUT");
    return 2;
}

var output = Path.GetFullPath(args[0]);
var trees = new List<(string Sha256, YamlNode Root)>();
var left = 0;
foreach (var file in StandardsSources.Embedded())
{
    var bytes = file.Read(int.MaxValue);
    var findings = new DiagnosticBag();
    if (YamlReader.Read(file.Path, bytes, findings) is { } root && findings.Items.Count == 0)
    {
        trees.Add((RevisionHash.Sha256(bytes), root));
    }
    else
    {
        left++;
    }
}

Directory.CreateDirectory(Path.GetDirectoryName(output)!);
var temporary = output + ".tmp";
using (var stream = File.Create(temporary))
{
    YamlSnapshot.Write(stream, trees);
}

File.Move(temporary, output, overwrite: true);
Console.WriteLine($"standards snapshot: {trees.Count} files, {left} left to the YAML reader -> {output}");
return 0;
