using BenchmarkDotNet.Running;
using StandardsKit.Benchmarks;

// Run all: dotnet run -c Release --project bench/StandardsKit.Benchmarks -- --filter '*'
// Write a synthetic folder to validate by hand: ... -- generate 3000 /tmp/counties
// Write residents for `standardskit screen` (PREFIX.jsonl and PREFIX.parquet): ... -- screen-input 1000000 /tmp/residents-1m
if (args is ["screen-input", var residents, var prefix])
{
    Console.WriteLine(ScreenInputFiles.Write(int.Parse(residents, System.Globalization.CultureInfo.InvariantCulture), prefix));
    return;
}

if (args is ["generate", var count, var folder])
{
    Console.WriteLine(SyntheticCounties.Write(folder, int.Parse(count, System.Globalization.CultureInfo.InvariantCulture)));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
