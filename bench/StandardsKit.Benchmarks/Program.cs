using BenchmarkDotNet.Running;
using StandardsKit.Benchmarks;

// Run all: dotnet run -c Release --project bench/StandardsKit.Benchmarks -- --filter '*'
// Write a synthetic folder to validate by hand: ... -- generate 3000 /tmp/counties
if (args is ["generate", var count, var folder])
{
    Console.WriteLine(SyntheticCounties.Write(folder, int.Parse(count, System.Globalization.CultureInfo.InvariantCulture)));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
