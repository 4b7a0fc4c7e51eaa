using System.Diagnostics;
using StandardsKit.Tests.TestSupport;
using static StandardsKit.Tests.Cli.CliHarness;

namespace StandardsKit.Tests.Cli;

/// <summary>
/// samples/scale-out: a real Dask cluster (two worker processes, Debian's python3-distributed) pipes partitions
/// through <c>standardskit screen</c>, the stdin→stdout contract of Spark's RDD.pipe and Hadoop Streaming; the
/// distributed result must equal one process screening the whole file.
/// </summary>
public sealed class ScaleOutTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [DaskFact]
    public void Dask_piping_partitions_through_screen_equals_a_single_process_run()
    {
        var residents = _folder.Write("residents.jsonl", string.Join("\n", Enumerable.Range(0, 400).Select(i =>
            $$"""{"id": "r{{i}}", "county": "{{(i % 3 == 0 ? "110101" : "310104")}}", "pregnant": {{(i % 2 == 0 ? "true" : "false")}}, "birthDate": "19{{50 + (i % 50)}}-03-01"}""")) + "\n");
        var output = Path.Combine(_folder.Path, "results.jsonl");
        var cli = Path.Combine(AppContext.BaseDirectory, "StandardsKit.Cli.dll");
        string[] screen = ["screen", "--on", "2024-06-01", "--threads", "1"];

        var dask = Process.Start(new ProcessStartInfo(DaskFactAttribute.Python,
            [Path.Combine(Repo.Samples, "scale-out", "dask_screen.py"), residents, output, "--workers", "2", "--partition-bytes", "8192", "--", "dotnet", cli, .. screen])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        var stderr = dask.StandardError.ReadToEndAsync();
        dask.StandardOutput.ReadToEnd();
        dask.WaitForExit();

        dask.ExitCode.Should().Be(0, stderr.Result);
        stderr.Result.Should().MatchRegex("in [2-9][0-9]* partitions on 2 workers", "the file must really be split");
        var single = Run([.. screen, residents]);
        single.ExitCode.Should().Be(0, single.Err);
        File.ReadAllText(output).Should().Be(single.Out).And.NotBeEmpty();
    }

    public void Dispose() => _folder.Dispose();
}

/// <summary>
/// A test that needs Python with Dask distributed (Debian: python3-distributed): skipped with the command that
/// installs it, except where STANDARDSKIT_REQUIRE_DASK=1 (set by .ci/run, which installs it) makes it run and fail.
/// </summary>
public sealed class DaskFactAttribute : FactAttribute
{
    public const string Python = "/usr/bin/python3";

    public DaskFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("STANDARDSKIT_REQUIRE_DASK") != "1" && !HasDask())
        {
            Skip = $"{Python} cannot import distributed: install it with 'sudo apt-get install -y python3-distributed' (CI installs it and sets STANDARDSKIT_REQUIRE_DASK=1)";
        }
    }

    private static bool HasDask()
    {
        if (!File.Exists(Python))
        {
            return false;
        }

        using var probe = Process.Start(new ProcessStartInfo(Python, ["-c", "import distributed"]) { RedirectStandardError = true })!;
        probe.StandardError.ReadToEnd();
        probe.WaitForExit();
        return probe.ExitCode == 0;
    }
}
