using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using StandardsKit.Tests.TestSupport;

namespace StandardsKit.Tests.Hostile;

/// <summary>
/// Lays out every case of <see cref="HostileCorpus"/> in its own folder under one sandbox, runs them all in
/// child processes (<c>StandardsKit.Hostile.Runner</c>: two at a time, each running a batch of cases in turn so
/// the JIT is paid once per batch), and records per case what the runner measured and what changed on disk.
/// A case that prints nothing for two minutes is recorded as hung, its runner killed and the batch resumed: a
/// watchdog for a hang, not a bound (bounds are CPU time, memory and counts; see <see cref="HostileCorpusTests"/>),
/// so generous that a busy machine never trips it.
/// </summary>
public sealed class CorpusRun : IDisposable
{
    private static readonly TimeSpan HangAfter = TimeSpan.FromSeconds(120);

    private readonly Dictionary<string, Outcome> _outcomes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _arrangeErrors = new(StringComparer.Ordinal);

    public CorpusRun()
    {
        Sandbox = Path.Combine(Path.GetTempPath(), "sk-hostile-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(Sandbox);
        Directory.CreateDirectory(Path.Combine(Sandbox, "plans"));
        try
        {
            Run(HostileCorpus.All);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    private void Run(IReadOnlyList<HostileCase> cases)
    {
        var folders = new Dictionary<string, CaseFolder>(StringComparer.Ordinal);
        var before = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        for (var i = 0; i < cases.Count; i++)
        {
            var folder = new CaseFolder(Path.Combine(Sandbox, "case-" + i.ToString("D3", CultureInfo.InvariantCulture)));
            Directory.CreateDirectory(folder.Work);
            Directory.CreateDirectory(folder.Tmp);
            try
            {
                cases[i].Arrange(folder);
            }
            catch (Exception e)
            {
                // The case fails on its own, saying why, instead of failing the whole corpus.
                _arrangeErrors[cases[i].Id] = e.Message;
            }

            folders[cases[i].Id] = folder;
            before[cases[i].Id] = Snapshot(folder.Root);
        }

        var sandboxBefore = Directory.EnumerateFileSystemEntries(Sandbox).Order(StringComparer.Ordinal).ToList();
        var tempBefore = TempEntries();
        LoadBefore = Load();
        var clock = Stopwatch.StartNew();
        var batches = Enumerable.Range(0, 2).Select(b => cases.Where((_, i) => i % 2 == b).ToList()).ToList();
        var results = new System.Collections.Concurrent.ConcurrentDictionary<string, CaseResult>(StringComparer.Ordinal);
        Parallel.ForEach(batches, new ParallelOptions { MaxDegreeOfParallelism = 2 }, batch => RunBatch(batch, folders, results));
        Elapsed = clock.Elapsed;
        LoadAfter = Load();

        var sandboxAfter = Directory.EnumerateFileSystemEntries(Sandbox).Order(StringComparer.Ordinal).ToList();
        var strays = sandboxAfter.Except(sandboxBefore).Select(p => Path.GetFileName(p)).ToList();
        var tempStrays = TempEntries().Except(tempBefore).ToList();
        foreach (var c in cases)
        {
            var folder = folders[c.Id];
            var after = Snapshot(folder.Root);
            var changed = after.Keys.Union(before[c.Id].Keys)
                .Where(k => after.GetValueOrDefault(k) != before[c.Id].GetValueOrDefault(k))
                .Where(k => !k.StartsWith("tmp/", StringComparison.Ordinal))
                .Where(k => !c.MayWrite.Any(w => k == "work/" + w))
                .ToList();
            var tmpLeft = after.Keys.Where(k => k.StartsWith("tmp/", StringComparison.Ordinal)).ToList();
            _outcomes[c.Id] = new Outcome(c, folder, results.GetValueOrDefault(c.Id), changed, tmpLeft, strays, tempStrays, _arrangeErrors.GetValueOrDefault(c.Id));
        }
    }

    /// <summary>The folder every case folder is in; nothing but the case folders and the batch plans may appear in it.</summary>
    public string Sandbox { get; }

    public TimeSpan Elapsed { get; private set; }

    /// <summary>The one-minute load average per core before and after the run, to tell a slow case from a busy machine.</summary>
    public double LoadBefore { get; private set; }

    public double LoadAfter { get; private set; }

    internal Outcome this[string id] => _outcomes[id];

    public void Dispose()
    {
        try
        {
            // Restore permissions a case may have removed, then delete everything.
            Directory.Delete(Sandbox, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    private void RunBatch(List<HostileCase> batch, Dictionary<string, CaseFolder> folders, System.Collections.Concurrent.ConcurrentDictionary<string, CaseResult> results)
    {
        var pending = new Queue<HostileCase>(batch);
        var attempt = 0;
        while (pending.Count > 0)
        {
            var plan = Path.Combine(Sandbox, "plans", $"plan-{Environment.CurrentManagedThreadId}-{attempt++}.json");
            var list = pending.ToList();
            File.WriteAllText(plan, JsonSerializer.Serialize(new
            {
                cases = list.Select(c => new
                {
                    id = c.Id,
                    args = c.Args,
                    stdin = c.Stdin is null ? null : Path.IsPathRooted(c.Stdin) ? c.Stdin : folders[c.Id].Full(c.Stdin),
                    cwd = folders[c.Id].Work,
                    tmp = folders[c.Id].Tmp,
                }),
            }));
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(RunnerPath);
            start.ArgumentList.Add(plan);
            start.Environment["DOTNET_GCHeapHardLimit"] = "0x40000000"; // a runaway case fails at 1 GiB instead of swapping the machine
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            using var process = Process.Start(start)!;
            var lines = new System.Collections.Concurrent.BlockingCollection<string>();
            var reader = Task.Run(() =>
            {
                while (process.StandardOutput.ReadLine() is { } l)
                {
                    lines.Add(l);
                }

                lines.CompleteAdding();
            });
            _ = Task.Run(() => process.StandardError.ReadToEnd());
            while (pending.Count > 0)
            {
                if (!lines.TryTake(out var line, HangAfter))
                {
                    // Hung, or the runner died: record the case it was on and carry on with the rest.
                    var hung = pending.Dequeue();
                    try
                    {
                        process.Kill(entireProcessTree: true);
                    }
                    catch (InvalidOperationException)
                    {
                    }

                    results[hung.Id] = new CaseResult(-2, "", 0, lines.IsCompleted ? "runner exited" : "hung: no result within two minutes", 0,
                        (long)HangAfter.TotalMilliseconds, 0, 0, null);
                    break;
                }

                using var json = JsonDocument.Parse(line);
                var r = json.RootElement;
                var id = r.GetProperty("id").GetString()!;
                results[id] = new CaseResult(r.GetProperty("exit").GetInt32(), r.GetProperty("stdout").GetString()!, r.GetProperty("stdoutChars").GetInt64(),
                    r.GetProperty("stderr").GetString()!, r.GetProperty("stderrChars").GetInt64(), r.GetProperty("wallMs").GetInt64(),
                    r.GetProperty("cpuMs").GetInt64(), r.GetProperty("peakRssBytes").GetInt64(),
                    r.GetProperty("crash").ValueKind == JsonValueKind.String ? r.GetProperty("crash").GetString() : null);
                if (pending.Peek().Id == id)
                {
                    pending.Dequeue();
                }
            }

            process.WaitForExit(5000);
            reader.Wait(5000);
        }
    }

    private static string RunnerPath
    {
        get
        {
            // The runner is built beside the tests, in the same configuration (see the test project's references).
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
            var path = Path.Combine(Repo.Root, "tests", "StandardsKit.Hostile.Runner", "bin", configuration, "net10.0", "StandardsKit.Hostile.Runner.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException($"build the solution first: {path} is missing");
        }
    }

    /// <summary>Every entry under a folder, links not followed: kind, size, modification time and link target.</summary>
    private static Dictionary<string, string> Snapshot(string root)
    {
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        void Walk(string folder)
        {
            foreach (var entry in Directory.EnumerateFileSystemEntries(folder))
            {
                var info = new FileInfo(entry);
                var relative = Path.GetRelativePath(root, entry).Replace('\\', '/');
                if (info.LinkTarget is { } target)
                {
                    entries[relative] = "link " + target;
                }
                else if (Directory.Exists(entry))
                {
                    entries[relative] = "folder";
                    Walk(entry);
                }
                else
                {
                    entries[relative] = string.Create(CultureInfo.InvariantCulture, $"file {info.Length} {info.LastWriteTimeUtc.Ticks}");
                }
            }
        }

        Walk(root);
        return entries;
    }

    /// <summary>
    /// What the CLI ever named in the system temporary folder (diff's old checkout folders). Cases get their own
    /// TMPDIR, so anything new here was written past it; other processes' files (benchmarks) are not counted.
    /// </summary>
    private static List<string> TempEntries() =>
        [.. Directory.EnumerateFileSystemEntries(Path.GetTempPath(), "standardskit-diff-*").Order(StringComparer.Ordinal)];

    private static double Load()
    {
        try
        {
            var first = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            return double.Parse(first, CultureInfo.InvariantCulture) / Environment.ProcessorCount;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return 1;
        }
    }

    /// <summary>A case, what it printed and cost, and what it changed: in its folder (outside what it may write), in its
    /// TMPDIR (left behind), in the sandbox (a file written through "..") and in the system temp folder.</summary>
    internal sealed record Outcome(HostileCase Case, CaseFolder Folder, CaseResult? Result, List<string> Changed, List<string> TmpLeft,
        List<string> SandboxStrays, List<string> TempStrays, string? ArrangeError);
}
