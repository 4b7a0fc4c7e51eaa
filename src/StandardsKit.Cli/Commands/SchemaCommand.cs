using System.CommandLine;
using System.Security.Cryptography;
using System.Text;
using StandardsKit.Cli.Output;
using StandardsKit.Cli.Schemas;
using StandardsKit.Engine;
using StandardsKit.Input;

namespace StandardsKit.Cli.Commands;

/// <summary>
/// <c>schema export DIR</c>: the JSON Schemas the YAML modelines name (<c># yaml-language-server: $schema=…</c>),
/// written into one folder so a standards repository outside this one can point its modelines there.
/// </summary>
internal static class SchemaCommand
{
    public static Command Create(ConsoleIo io, Option<string?> standards)
    {
        var folder = new Argument<string>("folder") { Description = "Folder to write the schemas into (created if its parent exists); nothing outside it is written" };
        var export = new Command("export", "Write every schema (standard, facts, divisions, division attributes, funding, tests, resident, output formats) into a folder. resident.schema.json is generated from the facts of the standards in use.")
        {
            folder,
        };
        export.SetAction(parse =>
        {
            var target = parse.GetValue(folder)!;
            var catalog = CatalogSource.LoadOrFail(parse.GetValue(standards), io);
            var files = Embedded();
            files[ResidentSchema.FileName] = ResidentSchema.Generate(catalog.Facts);
            Write(target, files);
            io.Out.Line($"wrote {files.Count} schemas to {target}");
            return CliApp.Ok;
        });
        return new Command("schema", "JSON Schemas of the YAML files, for editors.") { export };
    }

    /// <summary>The schemas built into the library, by file name.</summary>
    private static SortedDictionary<string, string> Embedded()
    {
        var assembly = typeof(Catalog).Assembly;
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("schemas/", StringComparison.Ordinal) && n.EndsWith(".schema.json", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            files[name["schemas/".Length..]] = reader.ReadToEnd();
        }

        return files;
    }

    /// <summary>
    /// Each file is replaced at once or not at all: all are written to fresh temporary files in the folder first, and
    /// only when every one is written are they renamed over their targets. A target that is a link, a folder or a device is refused before
    /// anything is written, so nothing outside the folder is ever touched.
    /// </summary>
    private static void Write(string target, SortedDictionary<string, string> files)
    {
        if (target.Length == 0 || target.Contains('\0', StringComparison.Ordinal))
        {
            throw new CliException("schema export: give the folder to write the schemas into");
        }

        var dir = Path.GetFullPath(target);
        switch (FileProbe.Of(dir).Type)
        {
            case FileType.Directory:
                break;
            case FileType.Missing when Directory.Exists(Path.GetDirectoryName(dir)):
                Directory.CreateDirectory(dir);
                break;
            case FileType.Missing:
                throw new CliException($"schema export {target}: its parent folder does not exist; create it first");
            case FileType.Regular:
                throw new CliException($"schema export {target} is a file, not a folder; give the folder to write the schemas into");
            case var other:
                throw new CliException($"schema export {target} is {new FileFacts(other, 0, null).Describe()}, not a folder");
        }

        foreach (var name in files.Keys)
        {
            var type = FileProbe.Of(Path.Combine(dir, name), followLinks: false).Type;
            if (type is not (FileType.Regular or FileType.Missing))
            {
                throw new CliException($"schema export: {Path.Combine(target, name)} is {new FileFacts(type, 0, null).Describe()}; remove it or choose another folder; nothing was written");
            }
        }

        var temps = new List<(string Temp, string Final)>();
        try
        {
            foreach (var (name, text) in files)
            {
                var temp = Path.Combine(dir, $".{name}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}.tmp");
                using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    temps.Add((temp, Path.Combine(dir, name)));
                    stream.Write(new UTF8Encoding(false).GetBytes(text));
                    stream.Flush(flushToDisk: true);
                }
            }

            foreach (var (temp, final) in temps)
            {
                File.Move(temp, final, overwrite: true);
            }

            temps.Clear();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"schema export {target}: cannot write: {e.Message}");
        }
        finally
        {
            foreach (var (temp, _) in temps)
            {
                File.Delete(temp); // ours: created with CreateNew above
            }
        }
    }
}
