using System.Diagnostics;
using System.Text;
using System.Text.Json;
using StandardsKit.Cli;

// Usage: StandardsKit.Hostile.Runner PLAN.json
// The plan is {"cases": [{"id", "args", "stdin", "cwd", "tmp"}]}; one JSON line per case goes to standard output as
// soon as the case ends, so the test that started this process knows which case hung if one does.
var plan = JsonDocument.Parse(File.ReadAllBytes(args[0]));
// Our own writer on the real standard output: CliApp sets Console.OutputEncoding, which replaces Console.Out.
using var report = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = true };
foreach (var c in plan.RootElement.GetProperty("cases").EnumerateArray())
{
    var id = c.GetProperty("id").GetString()!;
    var arguments = c.GetProperty("args").EnumerateArray().Select(a => a.GetString()!).ToArray();
    var stdinPath = c.TryGetProperty("stdin", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
    Environment.CurrentDirectory = c.GetProperty("cwd").GetString()!;
    Environment.SetEnvironmentVariable("TMPDIR", c.GetProperty("tmp").GetString());

    // Each case starts from a collected heap and a peak-RSS mark reset to the current RSS (Linux clear_refs 5).
    GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    GC.WaitForPendingFinalizers();
    ResetPeak();
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    var stdout = new BoundedWriter();
    var stderr = new BoundedWriter();
    int exit;
    string? crash = null;
    TextReader stdin = stdinPath is null ? TextReader.Null : new StreamReader(new FileStream(stdinPath, FileMode.Open, FileAccess.Read));
    try
    {
        exit = CliApp.Run(arguments, stdout, stderr, stdin);
    }
    catch (Exception e)
    {
        // CliApp turns every exception into an exit code; anything that escapes is a crash.
        exit = -1;
        crash = e.ToString();
    }
    finally
    {
        stdin.Dispose();
    }

    var wall = clock.Elapsed;
    var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
    var line = JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["id"] = id,
        ["exit"] = exit,
        ["stdout"] = stdout.Text,
        ["stdoutChars"] = stdout.Count,
        ["stderr"] = stderr.Text,
        ["stderrChars"] = stderr.Count,
        ["wallMs"] = (long)wall.TotalMilliseconds,
        ["cpuMs"] = (long)used.TotalMilliseconds,
        ["peakRssBytes"] = PeakRss(),
        ["crash"] = crash,
    });
    report.WriteLine(line);
}

return 0;

static void ResetPeak()
{
    try
    {
        File.WriteAllText("/proc/self/clear_refs", "5");
    }
    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
    {
        // Older kernels: the peak then covers every case so far, which only makes the bound stricter.
    }
}

static long PeakRss()
{
    foreach (var l in File.ReadLines("/proc/self/status"))
    {
        if (l.StartsWith("VmHWM:", StringComparison.Ordinal))
        {
            return long.Parse(l["VmHWM:".Length..].Trim().Split(' ')[0]) * 1024;
        }
    }

    return Environment.WorkingSet;
}

/// <summary>
/// Keeps the first 48 K and the last 16 K characters of what a case prints and counts the rest, so capturing never
/// costs the case's memory and the summary line at the end is still seen.
/// </summary>
internal sealed class BoundedWriter : TextWriter
{
    private const int Head = 48 * 1024;
    private const int Tail = 16 * 1024;
    private readonly StringBuilder _head = new();
    private readonly StringBuilder _tail = new();

    public override Encoding Encoding => Encoding.UTF8;

    public long Count { get; private set; }

    public string Text => Count <= Head + Tail ? _head.ToString() + _tail : $"{_head}\n…\n{_tail}";

    public override void Write(char value) => Write(value.ToString());

    public override void Write(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        Count += value.Length;
        var toHead = Math.Min(value.Length, Head - _head.Length);
        _head.Append(value.AsSpan(0, toHead));
        if (toHead < value.Length)
        {
            _tail.Append(value.AsSpan(toHead));
            if (_tail.Length > 2 * Tail)
            {
                _tail.Remove(0, _tail.Length - Tail);
            }
        }
    }
}
