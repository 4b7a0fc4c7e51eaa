using FluentAssertions;
using StandardsKit.Tests.TestSupport;
using Xunit;

namespace StandardsKit.Tests.Cli;

/// <summary>Issue 4's gate: lowering a local amount or narrowing a local rule fails validate with an example resident.</summary>
public sealed class FloorViolationTests
{
    [Fact]
    public void Lowering_Sichuans_special_assistance_below_the_national_floor_fails_validate_with_an_example_resident()
    {
        using var temp = new TempFolder();
        var standards = temp.CopyFrom(Repo.Standards, "standards");
        var file = Path.Combine(standards, "local", "510000-sichuan", "2022.yaml");
        var text = File.ReadAllText(file);
        text.Should().Contain("790");
        File.WriteAllText(file, text.Replace("790", "400", StringComparison.Ordinal));

        var result = CliHarness.Run("validate", standards);
        result.ExitCode.Should().Be(1);
        var line = result.OutLines.Single(l => l.Contains("error SK0301", StringComparison.Ordinal));
        line.Should().StartWith(file + ":").And.Contain("400 CNY/month < 460 CNY/month").And.Contain("for resident {").And.Contain("onlyChildDisabled");
    }

    [Fact]
    public void Narrowing_Shanghais_pre_pregnancy_check_to_local_hukou_fails_validate_with_a_resident_who_loses()
    {
        using var temp = new TempFolder();
        var standards = temp.CopyFrom(Repo.Standards, "standards");
        var file = Path.Combine(standards, "local", "310000-shanghai", "2021.yaml");
        var text = File.ReadAllText(file);
        text.Should().Contain("when: planningPregnancy\n");
        File.WriteAllText(file, text.Replace("when: planningPregnancy\n", "when: planningPregnancy and within(hukou, \"310000\")\n", StringComparison.Ordinal));

        var result = CliHarness.Run("validate", standards);
        result.ExitCode.Should().Be(1);
        result.OutLines.Should().Contain(l => l.Contains("error SK0302", StringComparison.Ordinal)
            && l.Contains("narrows the eligibility", StringComparison.Ordinal) && l.Contains("\"planningPregnancy\": true", StringComparison.Ordinal));
    }
}
