using System.Text.Json;
using CsCheck;
using FluentAssertions;
using StandardsKit.Diff;
using StandardsKit.Engine;
using StandardsKit.Expressions;
using StandardsKit.Model;
using StandardsKit.Tests.Cli;
using StandardsKit.Tests.TestSupport;
using Xunit;

namespace StandardsKit.Tests.Diff;

public sealed class SemanticDiffTests
{
    private static StandardsDiff NationalDiff()
    {
        var catalog = Catalog.Default;
        var old = catalog.Documents.Single(d => d.Key == "cn-national@2021");
        var @new = catalog.Documents.Single(d => d.Key == "cn-national@2023");
        return SemanticDiff.Compare([old], [@new], catalog.Facts, catalog.Facts);
    }

    [Fact]
    public void National_2021_to_2023_reports_what_the_official_change_summary_says()
    {
        var diff = NationalDiff();
        diff.Changes.Single(c => c.Kinds.Contains(ChangeKind.Added)).Item.Should().Be("folic-acid-supplementation");
        diff.Count(ChangeKind.Removed).Should().Be(0, "no removals were reported");

        var renamed = diff.Changes.Single(c => c.Kinds.Contains(ChangeKind.Renamed));
        renamed.OldName!.Zh.Should().Be("贫困地区学生营养膳食补助");
        renamed.Name.Zh.Should().Be("农村义务教育学生营养膳食补助");
        renamed.Kinds.Should().NotContain(ChangeKind.Added, "a rename keeps its id and is not an add + remove");

        diff.Changes.Where(c => c.Level.Any(l => l.Direction == Direction.Raised)).Select(c => c.Item).Should().BeEquivalentTo(
            ["compulsory-education-fee-waiver", "rural-student-nutrition-subsidy", "family-planning-special-assistance"]);
        diff.CountLevel(Direction.Lowered).Should().Be(0);

        var special = diff.Changes.Single(c => c.Item == "family-planning-special-assistance").Level
            .Single(l => l.When == "onlyChildDeceased");
        (special.Old, special.New).Should().Be((450m, 590m), "each edition is compared on its own effective date");
        special.OldSteps.Select(s => s.Value).Should().Equal(450m, 590m);

        // S4 names two widenings, but only 农村危房改造's new beneficiaries are known (P). How 特殊群体集中供养 was
        // widened is in no source, so its 2023 rule is the 2021 reading and diff names no invented gainers.
        diff.Changes.Where(c => c.Eligibility?.Direction == EligibilityDirection.Widened).Select(c => c.Item).Should().BeEquivalentTo(
            ["rural-dilapidated-housing-renovation"]);
        diff.Changes.Where(c => c.Item == "special-groups-centralised-support").Should().OnlyContain(c => c.Eligibility == null);
        foreach (var widened in diff.Changes.Select(c => c.Eligibility).OfType<EligibilityChange>())
        {
            widened.Gained.Should().NotBeEmpty();
            widened.Lost.Should().BeEmpty();
        }
    }

    [Fact]
    public void Every_example_resident_of_a_widening_qualifies_only_under_the_new_rule()
    {
        var facts = Catalog.Default.Facts;
        var atoms = Gen.OneOf(Gen.Int[0, 100].Select(k => $"age >= {k}"), Gen.Const("dibao"), Gen.Const("pregnant"),
            Gen.Const("has(militaryStatus, \"veteran\")"), Gen.Const("schoolStage in [\"primary\", \"junior\"]"));
        var rules = Gen.Select(atoms, atoms, Gen.Bool).Select((a, b, and) => and ? $"{a} and {b}" : $"{a} or {b}");
        Gen.Select(rules, rules).Sample((oldRule, newRule) =>
        {
            var (oldDoc, newDoc) = (Document("1", oldRule, facts), Document("2", newRule, facts));
            var change = SemanticDiff.Compare([oldDoc], [newDoc], facts, facts).Changes.SingleOrDefault()?.Eligibility;
            if (change is null)
            {
                return;
            }

            // Three-valued: a resident gains when the new rule says yes and the old one did not (no, or undetermined).
            foreach (var r in change.Gained)
            {
                Eligible(oldDoc, r).Should().NotBe(true);
                Eligible(newDoc, r).Should().BeTrue();
            }

            foreach (var r in change.Lost)
            {
                Eligible(oldDoc, r).Should().BeTrue();
                Eligible(newDoc, r).Should().NotBe(true);
            }

            (change.Direction == EligibilityDirection.Widened).Should().Be(change.Gained.Length > 0 && change.Lost.IsEmpty);
        }, iter: PropertyRuns.Of(200));
    }

    [Fact]
    public void Rewriting_a_rule_without_changing_its_meaning_is_not_an_eligibility_change()
    {
        var facts = Catalog.Default.Facts;
        var diff = SemanticDiff.Compare([Document("1", "age >= 65 and dibao", facts)], [Document("2", "dibao and not (age < 65)", facts)], facts, facts);
        diff.Changes.Should().BeEmpty();
    }

    [Fact]
    public void Cli_json_diff_of_the_national_editions_matches_the_golden_file()
    {
        var result = CliHarness.Run("diff", "cn-national@2021", "cn-national@2023", "--format", "json");
        result.ExitCode.Should().Be(0, result.Err);
        var golden = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Golden", "diff-national-2021-2023.json"));
        result.Out.Replace("\r\n", "\n", StringComparison.Ordinal).Should().Be(golden.Replace("\r\n", "\n", StringComparison.Ordinal));
        using var json = JsonDocument.Parse(result.Out);
        var summary = json.RootElement.GetProperty("summary");
        summary.GetProperty("added").GetInt32().Should().Be(1);
        summary.GetProperty("renamed").GetInt32().Should().Be(1);
        summary.GetProperty("levelRaised").GetInt32().Should().Be(3);
    }

    [Fact]
    public void A_local_standards_two_editions_diff_shows_lowered_levels_and_narrowed_eligibility_and_the_gate_fails()
    {
        using var temp = new TempFolder();
        var old = temp.Write("old/cn-99.yaml", LocalEdition("2021", "2021-01-01", "age >= 70 or dibao", 200, "老年津贴"));
        var @new = temp.Write("new/cn-99.yaml", LocalEdition("2023", "2023-01-01", "age >= 75", 150, "高龄津贴"));

        var json = CliHarness.Run("diff", old, @new, "--format", "json");
        json.ExitCode.Should().Be(0, json.Err);
        using var doc = JsonDocument.Parse(json.Out);
        var change = doc.RootElement.GetProperty("changes")[0];
        change.GetProperty("item").GetString().Should().Be("elderly-allowance");
        change.GetProperty("kinds").EnumerateArray().Select(k => k.GetString()).Should().Contain(["renamed", "level", "eligibility"]);
        var level = change.GetProperty("level")[0];
        (level.GetProperty("old").GetDecimal(), level.GetProperty("new").GetDecimal(), level.GetProperty("direction").GetString())
            .Should().Be((200m, 150m, "lowered"));
        var eligibility = change.GetProperty("eligibility");
        eligibility.GetProperty("direction").GetString().Should().Be("narrowed");
        eligibility.GetProperty("lost").GetArrayLength().Should().BeGreaterThan(0);

        var markdown = CliHarness.Run("diff", old, @new, "--format", "markdown", "--lang", "en");
        markdown.Out.Should().StartWith("### Standards diff").And.Contain("| levelLowered | 1 |").And.Contain("loses:");

        var gate = CliHarness.Run("diff", old, @new, "--fail-on", "lowered,narrowed,removed");
        gate.ExitCode.Should().Be(1);
        gate.Err.Should().Contain("lowered").And.Contain("narrowed");
        CliHarness.Run("diff", old, old, "--fail-on", "lowered,narrowed,removed").ExitCode.Should().Be(0);
        CliHarness.Run("diff", old, @new, "--fail-on", "shrunk").ExitCode.Should().Be(2);
    }

    [Fact]
    public void A_git_revision_side_is_read_without_checking_anything_out()
    {
        using var temp = new TempFolder();
        temp.Write("repo/standards/cn-99.yaml", LocalEdition("2021", "2021-01-01", "age >= 70", 200, "老年津贴"));
        Git(temp.Path + "/repo", "init", "-q");
        Git(temp.Path + "/repo", "add", ".");
        Git(temp.Path + "/repo", "-c", "user.email=t@example.org", "-c", "user.name=t", "commit", "-qm", "base");
        temp.Write("repo/standards/cn-99.yaml", LocalEdition("2021", "2021-01-01", "age >= 65", 250, "老年津贴"));

        // Absolute paths: the test must not change the process's current directory, which other tests share.
        var repo = Path.Combine(temp.Path, "repo");
        var result = CliHarness.Run("diff", $"HEAD:{repo}/standards", Path.Combine(repo, "standards"), "--format", "json");
        result.ExitCode.Should().Be(0, result.Err);
        using var doc = JsonDocument.Parse(result.Out);
        doc.RootElement.GetProperty("summary").GetProperty("levelRaised").GetInt32().Should().Be(1);
        doc.RootElement.GetProperty("summary").GetProperty("eligibilityWidened").GetInt32().Should().Be(1);
    }

    private static void Git(string dir, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo("git") { WorkingDirectory = dir, RedirectStandardError = true };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var p = System.Diagnostics.Process.Start(start)!;
        p.WaitForExit();
        p.ExitCode.Should().Be(0, p.StandardError.ReadToEnd());
    }

    private static string LocalEdition(string edition, string from, string rule, int amount, string name) => $$"""
        id: cn-99
        jurisdiction: "310000"
        edition: "{{edition}}"
        title: {zh: 测试地方标准, en: Test local standard}
        effectiveFrom: {{from}}
        extends: cn-national@2023
        provenance: {evidence: secondary, sources: [S1]}
        sources:
          - {id: S1, title: Test source, url: "https://example.org/s1", kind: official}
        items:
          - id: elderly-allowance
            kind: local
            area: elderly-care
            category: elderly-support
            name: {zh: {{name}}}
            provenance: {evidence: secondary, sources: [S1]}
            eligibility:
              when: "{{rule}}"
              provenance: {evidence: secondary, sources: [S1]}
            level:
              quantities:
                - {name: allowance, unit: CNY/month, value: {{amount}}}
              provenance: {evidence: secondary, sources: [S1]}
        """;

    private static StandardDocument Document(string edition, string rule, FactVocabulary facts) =>
        ModelBuilder.Document(ModelBuilder.Item(rule), edition, new DateOnly(2020 + int.Parse(edition, System.Globalization.CultureInfo.InvariantCulture), 1, 1));

    private static bool? Eligible(StandardDocument doc, Resident r)
    {
        var value = ModelBuilder.CompiledOnly([doc]).Rule(doc.Items[0].Eligibility!).Evaluate(FrameBuilder.Build(r, ModelBuilder.Layout, "110101", doc.EffectiveFrom));
        return value.Kind == ValueKind.Bool ? value.Bool : null;
    }
}

public sealed class DiffRegressionTests
{
    private static string Fixture(string name) => Path.Combine(Repo.Root, "tests", "StandardsKit.Tests", "Fixtures", "diff", name);

    [Fact]
    public void Reordered_tiers_and_a_lowered_dated_step_are_lowerings_and_trip_the_gate()
    {
        var result = CliHarness.Run("diff", Fixture("old.yaml"), Fixture("new.yaml"), "--format", "json", "--fail-on", "lowered");
        result.ExitCode.Should().Be(1, result.Err);
        using var doc = JsonDocument.Parse(result.Out);
        var level = doc.RootElement.GetProperty("changes")[0].GetProperty("level").EnumerateArray()
            .ToDictionary(l => l.GetProperty("quantity").GetString()!, l => l.GetProperty("direction").GetString());
        level["allowance"].Should().Be("lowered", "a 90-year-old now falls in the 180 tier");
        level["visits"].Should().Be("lowered", "the 2024-09-01 step goes to 2 instead of 6");
    }

    [Theory]
    [InlineData("en", "diff-local-editions.md")]
    [InlineData("zh", "diff-local-editions.zh.md")]
    public void Markdown_diff_of_a_local_standards_two_editions_matches_the_golden_file(string lang, string file)
    {
        var result = CliHarness.Run("diff", Fixture("old.yaml"), Fixture("new.yaml"), "--format", "markdown", "--lang", lang);
        result.ExitCode.Should().Be(0, result.Err);
        if (Environment.GetEnvironmentVariable("STANDARDSKIT_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(Path.Combine(Repo.Root, "tests", "StandardsKit.Tests", "Golden", file), result.Out.Replace("\r\n", "\n", StringComparison.Ordinal));
        }

        var golden = File.ReadAllText(Path.Combine(Repo.Root, "tests", "StandardsKit.Tests", "Golden", file));
        result.Out.Replace("\r\n", "\n", StringComparison.Ordinal).Should().Be(golden.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void Two_wordings_of_one_age_rule_are_not_an_eligibility_change_even_across_edition_dates()
    {
        var facts = Catalog.Default.Facts;
        var old = ModelBuilder.Document(ModelBuilder.Item("yearsBetween(birthDate, evaluationDate()) >= 65"), "1", new DateOnly(2021, 1, 1));
        var @new = ModelBuilder.Document(ModelBuilder.Item("addYears(birthDate, 65) <= evaluationDate()"), "2", new DateOnly(2024, 1, 1));
        SemanticDiff.Compare([old], [@new], facts, facts).Changes.Should().BeEmpty();
    }

    [Fact]
    public void Two_different_local_standards_line_up_by_the_national_item_they_implement()
    {
        var sichuan = Catalog.Default.Documents.Single(d => d.Key == "cn-51@2022");
        var chongqing = Catalog.Default.Documents.Single(d => d.Key == "cn-50@2022");
        var diff = SemanticDiff.Compare([sichuan], [chongqing], Catalog.Default.Facts, Catalog.Default.Facts);
        diff.Count(ChangeKind.Added).Should().Be(0);
        diff.Count(ChangeKind.Removed).Should().Be(0);
        diff.Changes.Should().ContainSingle().Which.Level.Should().Contain(l => l.Old == 790m && l.New == 800m && l.Direction == Direction.Raised);
    }
}
