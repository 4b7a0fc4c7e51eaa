using System.Diagnostics;
using System.IO.Compression;
using StandardsKit.Tests.TestSupport;

namespace StandardsKit.Tests.Packaging;

/// <summary>
/// What a .NET 8 LTS application sees: the packed StandardsKit package carries a net8.0 assembly, and a net8.0
/// console app restores and builds against it (no NU1202), then evaluates the README's pregnant Xuhui resident.
/// </summary>
public sealed class Net8ConsumerTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void A_net8_console_app_restores_builds_and_evaluates_against_the_packed_library()
    {
        // Pack in the configuration this test run was built in (Release in CI, Debug under a plain dotnet test); the solution
        // build made both targets, and package validation fails on a stale one.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var feed = Directory.CreateDirectory(Path.Combine(_folder.Path, "feed")).FullName;
        var pack = Dotnet(Repo.Root, "pack", Path.Combine(Repo.Root, "src", "StandardsKit", "StandardsKit.csproj"), "-c", configuration, "--no-build",
            "-o", feed, "-p:Version=0.0.0-consumer-test");
        pack.Code.Should().Be(0, pack.Output);
        var package = Path.Combine(feed, "StandardsKit.0.0.0-consumer-test.nupkg");
        using (var zip = ZipFile.OpenRead(package))
        {
            zip.Entries.Select(e => e.FullName).Should().Contain(["lib/net8.0/StandardsKit.dll", "lib/net10.0/StandardsKit.dll", "README.md"]);
        }

        var app = Directory.CreateDirectory(Path.Combine(_folder.Path, "app")).FullName;
        File.WriteAllText(Path.Combine(app, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="packed" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(app, "Consumer.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net8.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <!-- Only the .NET 10 runtime is on the build machines: run the net8.0 app on it. -->
                <RollForward>Major</RollForward>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="StandardsKit" Version="0.0.0-consumer-test" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "Program.cs"), """
            using StandardsKit;
            using StandardsKit.Engine;

            var resident = Resident.Empty.With("birthDate", new DateOnly(1995, 3, 1)).With("sex", "female").With("pregnant", true).With("hukou", "310104");
            var evaluation = Catalog.Default.Evaluate(resident, county: "310104", on: new DateOnly(2024, 6, 1));
            var maternal = evaluation.Decisions.Single(d => d.Item == "maternal-health");
            Console.WriteLine($"{maternal.Item} {maternal.Eligible} {Catalog.Default.Revision.Standards.Length}");
            """);

        var build = Dotnet(app, "build", "-c", "Release");
        build.Code.Should().Be(0, build.Output);
        build.Output.Should().NotContain("NU1202").And.NotContain("NU1701");
        File.Exists(Path.Combine(app, "bin", "Release", "net8.0", "Consumer.dll")).Should().BeTrue();

        var run = Dotnet(app, Path.Combine(app, "bin", "Release", "net8.0", "Consumer.dll"));
        run.Code.Should().Be(0, run.Output);
        run.Output.Trim().Should().Be("maternal-health True 64");
    }

    private static (int Code, string Output) Dotnet(string directory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", args) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }

    public void Dispose() => _folder.Dispose();
}
