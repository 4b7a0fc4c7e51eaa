using StandardsKit.Tests.TestSupport;

namespace StandardsKit.Tests.Cli;

/// <summary>
/// The same rule text does not mean the same when facts.yaml declares a fact it reads differently: `diff` once said
/// "no changes" when `disabilityGrade` went from `absent: none` to `absent: unknown`, although a pregnant resident
/// without a grade goes from eligible to undetermined under `disabilityGrade != 1`.
/// </summary>
public sealed class DiffRedeclaredFactTests : IDisposable
{
    private const string Rule = "(pregnant or postpartum) and disabilityGrade != 1";

    private static readonly string Overlay = Yaml.MaternalHealthOverlay("cn-o", "310000", "cn-national@2023", "o-mh", Rule);

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private (string Old, string New) Sides(string from, string to, string file = "facts.yaml", string rule = Rule)
    {
        var sides = new[] { "old", "new" }.Select(name =>
        {
            var folder = _temp.CopyFrom(Repo.Standards, name);
            Directory.Delete(Path.Combine(folder, "tests"), recursive: true);
            File.WriteAllText(Path.Combine(folder, "local", "o.yaml"), Overlay.Replace(Rule, rule, StringComparison.Ordinal) + "\n");
            return folder;
        }).ToArray();
        var changed = Path.Combine(sides[1], file);
        var text = File.ReadAllText(changed);
        text.Split(from).Length.Should().Be(2, $"'{from}' should occur once in {file}");
        File.WriteAllText(changed, text.Replace(from, to, StringComparison.Ordinal));
        return (sides[0], sides[1]);
    }

    [Fact]
    public void A_division_attribute_revised_in_the_new_side_narrows_a_rule_with_the_same_text()
    {
        // Shanghai moves from fiscal band 5 to band 1 in the new revision's divisions/; the rule reads the band.
        var (old, @new) = Sides("{division: \"310000\", name: 上海市, value: 5,", "{division: \"310000\", name: 上海市, value: 1,",
            "divisions/attributes/fiscal-band.yaml", "(pregnant or postpartum) and (not present(hukou) or attribute(hukou, \"fiscalBand\") >= 2)");

        var result = CliHarness.Run("diff", "--lang", "en", old, @new);

        result.Out.Should().Contain("o-mh").And.Contain("eligibility narrowed").And.MatchRegex("loses: \\{\"hukou\": \"31\\d{4}\", \"pregnant\": true\\}");
    }

    [Fact]
    public void Two_copies_of_the_same_division_attributes_are_no_change()
    {
        var (old, @new) = Sides("absent means no certified disability}", "absent means no certified disability}",
            rule: "(pregnant or postpartum) and (not present(hukou) or attribute(hukou, \"fiscalBand\") >= 2)");

        CliHarness.Run("diff", "--lang", "en", old, @new).Out.Should().Contain("no changes");
    }

    [Fact]
    public void A_fact_whose_absent_changed_narrows_a_rule_with_the_same_text()
    {
        var (old, @new) = Sides("absent means no certified disability}\n    absent: none", "absent means no certified disability}\n    absent: unknown");

        var result = CliHarness.Run("diff", "--lang", "en", old, @new);

        result.Out.Should().Contain("o-mh").And.Contain("eligibility narrowed").And.Contain("loses: {\"pregnant\": true}", result.Out + result.Err);
    }

    [Fact]
    public void A_fact_whose_range_changed_leaves_the_comparison_undecided_and_says_so()
    {
        var (old, @new) = Sides("    min: 1\n    max: 4\n    description: {zh: 残疾等级", "    min: 1\n    max: 3\n    description: {zh: 残疾等级");

        var result = CliHarness.Run("diff", "--lang", "en", old, @new);

        result.Out.Should().Contain("o-mh").And.Contain("fact 'disabilityGrade' is declared with another kind, values or range on the new side", result.Out + result.Err);
    }

    [Fact]
    public void A_description_change_is_no_change()
    {
        var (old, @new) = Sides("absent means no certified disability}", "absent means no disability certificate}");

        var result = CliHarness.Run("diff", "--lang", "en", old, @new);

        result.Out.Should().Contain("no changes", result.Out + result.Err);
    }
}
