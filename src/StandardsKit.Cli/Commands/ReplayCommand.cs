using System.CommandLine;
using System.Text.Json;
using StandardsKit.Input;
using StandardsKit.Json;
using StandardsKit.Records;

namespace StandardsKit.Cli.Commands;

/// <summary><c>replay RECORD…</c>: evaluates decision records again and says which decisions changed.</summary>
internal static class ReplayCommand
{
    /// <summary>A log of records is read whole; beyond this, split it (records are independent).</summary>
    private const int MaxFileBytes = 64 * 1024 * 1024;

    public static Command Create(ConsoleIo io, Option<string?> standards)
    {
        var records = new Argument<string[]>("records")
        {
            Description = "Decision record files from 'eval --record' (one JSON document each, or JSON Lines of them)",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("replay", "Re-evaluate decision records with the current standards: exit 0 when every decision is the same, 1 with the differences.")
        {
            records,
        };
        command.SetAction(parse =>
        {
            var loaded = parse.GetValue(records)!.Select(path => (path, Read(path))).ToList();
            var catalog = CatalogSource.LoadOrFail(parse.GetValue(standards), io);
            int same = 0, differ = 0;
            foreach (var (path, documents) in loaded)
            {
                for (var i = 0; i < documents.Count; i++)
                {
                    var name = documents.Count == 1 ? path : $"{path}#{i + 1}";
                    ReplayOutcome outcome;
                    try
                    {
                        outcome = DecisionReplay.Replay(catalog, documents[i]);
                    }
                    catch (ArgumentException e)
                    {
                        throw new CliException($"{name}: {e.Message.Split(" (Parameter", 2)[0]}");
                    }

                    Write(io.Out, name, outcome);
                    if (outcome.Same)
                    {
                        same++;
                    }
                    else
                    {
                        differ++;
                    }
                }
            }

            io.Out.WriteLine($"{same + differ} record(s) replayed: {same} same, {differ} differ");
            return differ == 0 ? CliApp.Ok : CliApp.Findings;
        });
        return command;
    }

    private static void Write(TextWriter w, string name, ReplayOutcome outcome)
    {
        var input = outcome.Recorded.Input!;
        var head = $"{name}: {input.County} on {input.On:yyyy-MM-dd}: ";
        if (outcome.Error is { } error)
        {
            w.WriteLine(head + "no longer evaluates: " + error);
        }
        else if (outcome.Same)
        {
            w.WriteLine(head + $"all {outcome.Recorded.Decisions.Count} decision(s) are the same");
        }
        else
        {
            var items = outcome.Differences.Select(d => d.Item).Distinct(StringComparer.Ordinal).Count();
            w.WriteLine(head + $"{items} decision(s) differ");
            foreach (var d in outcome.Differences)
            {
                w.WriteLine("  " + d);
            }
        }

        if (outcome.StandardsChanged)
        {
            w.WriteLine($"  note: the standards revision differs: recorded {outcome.Recorded.Revision.Standards}, now {outcome.Replayed!.Revision.Standards}");
        }

        if (outcome.EngineChanged)
        {
            w.WriteLine($"  note: the engine differs: recorded {outcome.Recorded.Revision.Engine}, now {outcome.Replayed!.Revision.Engine}");
        }
    }

    private static IReadOnlyList<JsonEvaluation> Read(string path)
    {
        ReadOnlyMemory<byte> bytes;
        try
        {
            bytes = StrictJson.CheckUtf8(BoundedRead.File(path, MaxFileBytes));
        }
        catch (StrictJsonException e)
        {
            throw new CliException($"{path}:{e.Position.Line}:{e.Position.Column}: the record {e.Message}");
        }
        catch (FileNotFoundException)
        {
            throw new CliException($"{path}: no such file");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException(e is InputRefusedException { OverLimit: true }
                ? $"{e.Message}; split the records into several files (records are independent)"
                : e.Message.StartsWith(path, StringComparison.Ordinal) ? e.Message : $"{path}: {e.Message}");
        }

        try
        {
            var documents = DecisionReplay.Read(bytes);
            return documents.Count > 0 ? documents : throw new CliException($"{path}: no decision record in the file; make one with 'standardskit eval --record'");
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $":{line + 1}:{(e.BytePositionInLine ?? 0) + 1}" : "";
            throw new CliException($"{path}{where}: not a decision record: {e.Message}; make records with 'standardskit eval --record'");
        }
    }
}
