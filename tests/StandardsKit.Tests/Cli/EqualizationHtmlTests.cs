using System.Diagnostics;
using StandardsKit.Cli.Output;
using StandardsKit.Tests.TestSupport;

namespace StandardsKit.Tests.Cli;

public sealed class EqualizationHtmlTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public void The_html_report_is_self_contained_and_draws_its_charts_as_inline_svg()
    {
        var result = CliHarness.Run("equalization", "--on", "2024-06-01", "--province", "510000", "--format", "html");
        result.ExitCode.Should().Be(0, result.Err);
        var html = result.Out;
        html.Should().StartWith("<!DOCTYPE html>");
        html.Should().Contain("<svg id=\"chart-provinces\"").And.Contain("<svg id=\"chart-levels-1\"");
        html.Should().NotContainAny(["<script", "src=", "href=", "<link", "@import", "url(", "<img"], "nothing is fetched: no script, image, stylesheet or font");
        html.Should().Contain("class=\"floor\"", "the national floor is drawn on each level chart that has one");
    }

    [Fact]
    public void Names_from_the_standards_are_escaped_in_the_html()
    {
        using var folder = new TempFolder();
        folder.CopyFrom(Repo.Standards, "standards");
        var chengdu = Path.Combine(folder.Path, "standards", "local", "510100-chengdu", "2021.yaml");
        File.WriteAllText(chengdu, File.ReadAllText(chengdu).Replace("name: {zh: 惠民殡葬补贴,", "name: {zh: \"<script>alert(1)</script>\",", StringComparison.Ordinal));
        var result = CliHarness.Run("--standards", Path.Combine(folder.Path, "standards"), "equalization", "--on", "2024-06-01", "--province", "510100", "--format", "html");
        result.ExitCode.Should().Be(0, result.Err);
        result.Out.Should().NotContain("<script>").And.Contain("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    [Fact]
    public async Task The_html_report_opens_in_headless_chromium_with_its_charts_drawn()
    {
        File.Exists(Chromium).Should().BeTrue($"{Chromium} draws the report (apt-get install -y chromium; .ci/run installs it)");
        var artefacts = Path.Combine(Repo.Root, "TestResults");
        Directory.CreateDirectory(artefacts);
        var page = Path.Combine(artefacts, "equalization-report.html");
        var screenshot = Path.Combine(artefacts, "equalization-report.png");
        File.Delete(screenshot);
        var result = CliHarness.Run("equalization", "--on", "2024-06-01", "--format", "html", "--population", Path.Combine(Repo.Samples, "population", "synthetic.jsonl"));
        result.ExitCode.Should().Be(0, result.Err);
        File.WriteAllText(page, result.Out);

        using var profile = new TempFolder();
        var start = new ProcessStartInfo(Chromium)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--no-first-run", $"--user-data-dir={profile.Path}", "--window-size=1280,2400", $"--screenshot={screenshot}", new Uri(page).AbsoluteUri,
                 })
        {
            start.ArgumentList.Add(argument);
        }

        using var chromium = Process.Start(start)!;
        var stderr = chromium.StandardError.ReadToEndAsync();
        chromium.StandardOutput.ReadToEnd();
        if (!chromium.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            chromium.Kill(entireProcessTree: true);
            throw new TimeoutException("chromium did not finish the screenshot within 120 s");
        }

        File.Exists(screenshot).Should().BeTrue($"chromium should write the screenshot; stderr: {await stderr}");
        var png = Png.Read(screenshot);
        png.Width.Should().Be(1280);
        png.Count(SvgChart.MarkColour).Should().BeGreaterThan(5_000, "the bars of the province chart and the level charts are drawn in the mark colour");
        png.Count(SvgChart.AccentColour).Should().BeGreaterThan(100, "the national floor lines are drawn in the accent colour");
    }
}
