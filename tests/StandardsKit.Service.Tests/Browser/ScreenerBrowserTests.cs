using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using StandardsKit.Service.Tests.Support;

namespace StandardsKit.Service.Tests.Browser;

/// <summary>
/// The screener page in a real browser (Debian's chromium through Playwright): a case worker finds Xuhui, enters the
/// README's pregnant resident, and sees what she is eligible for, what to ask next and what she is not eligible
/// for, in Chinese and in English. A screenshot is kept in artifacts/test-results/.
/// </summary>
public sealed class ScreenerBrowserTests : IAsyncLifetime
{
    private WebApplication _app = null!;
    private string _url = "";

    public async Task InitializeAsync()
    {
        _app = StandardsKitService.Build(new ServiceOptions { Urls = "http://127.0.0.1:0", JsonLogs = false });
        await _app.StartAsync();
        _url = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    [ChromiumFact]
    public async Task A_case_worker_screens_the_pregnant_Xuhui_resident_and_sees_grouped_answers_in_both_languages()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumFactAttribute.Executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 1000 } });
        var problems = new ConcurrentQueue<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                problems.Enqueue(message.Text);
            }
        };
        page.PageError += (_, error) => problems.Enqueue(error);
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(_url, StringComparison.Ordinal))
            {
                problems.Enqueue("request outside the service: " + request.Url);
            }
        };

        await page.GotoAsync(_url + "/");
        await page.Locator("body[data-ready=true]").WaitForAsync();

        // Where and when: find the county by name, pick the date.
        await page.FillAsync("#county-search", "徐汇");
        await page.ClickAsync("#county-options button[data-code='310104']");
        (await page.TextContentAsync("[data-testid=county-chosen]")).Should().Contain("上海市 徐汇区").And.Contain("310104");
        await page.FillAsync("#on", "2024-06-01");

        // The resident, through the form generated from facts.yaml (README's samples/resident-pregnant-shanghai.json).
        (await page.TextContentAsync("label[for=fact-pregnant]")).Should().Contain("正在怀孕");
        await page.FillAsync("#fact-birthDate", "1995-03-01");
        await page.SelectOptionAsync("#fact-sex", "female");
        await page.SelectOptionAsync("#fact-pregnant", "true");
        await page.FillAsync("#fact-pregnancyWeeks", "10");
        await page.SelectOptionAsync("#fact-planningPregnancy", "false");
        await page.FillAsync("#fact-hukou", "310104");
        await page.SelectOptionAsync("#fact-ruralHukou", "false");
        await page.ClickAsync("#evaluate");
        await page.Locator("#results").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });

        // Eligible, with the level: Shanghai's 9 antenatal checks, explained and cited.
        var maternal = page.Locator("[data-testid=eligible] li.decision[data-item=maternal-health]");
        (await maternal.TextContentAsync()).Should().Contain("孕产妇健康服务").And.Contain("孕产期保健").And.Contain("antenatalChecks: 9 times");
        await maternal.Locator("details summary").ClickAsync();
        (await maternal.Locator(".because").TextContentAsync()).Should().Contain("pregnant").And.Contain("= true");
        (await maternal.Locator(".citations").TextContentAsync()).Should().Contain("cn-national@2023").And.Contain("cn-31@2021");

        // Not eligible: the pre-pregnancy check (she is not planning a pregnancy, she is pregnant).
        (await page.Locator("[data-testid=not-eligible] li.decision[data-item=rural-prepregnancy-check]").CountAsync()).Should().Be(1);

        // To ask next: the facts that would settle more answers, most useful first, each jumping to its field.
        var askFacts = page.Locator("[data-testid=ask-facts] li");
        (await askFacts.CountAsync()).Should().BePositive();
        var counts = await askFacts.Locator(".meta").AllTextContentsAsync();
        var numbers = counts.Select(c => int.Parse(new string(c.Where(char.IsAsciiDigit).ToArray()), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        numbers.Should().BeInDescendingOrder();
        var first = await askFacts.First.GetAttributeAsync("data-fact");
        await askFacts.First.Locator("button").ClickAsync();
        (await page.EvaluateAsync<string>("document.activeElement.closest('.field').id")).Should().Be("field-" + first);

        // The groups add up to what the API says.
        var groups = new[] { "eligible", "ask-next", "not-eligible" };
        var shown = 0;
        foreach (var group in groups)
        {
            shown += await page.Locator($"[data-testid={group}] li.decision").CountAsync();
        }

        shown.Should().Be(83);
        (await page.TextContentAsync("[data-testid=summary]")).Should().Contain("徐汇区").And.Contain("2024-06-01");
        (await page.TextContentAsync("[data-testid=revision]")).Should().Contain(Catalog.Default.Revision.Standards[..12]);

        await Screenshot(page, "screener-pregnant-xuhui-zh.png");

        // English: the same answers, relabelled.
        await page.ClickAsync("#lang-en");
        (await page.TextContentAsync("#group-eligible h2")).Should().StartWith("Eligible");
        (await maternal.TextContentAsync()).Should().Contain("Maternal health services").And.Contain("Maternal care");
        (await page.TextContentAsync("label[for=fact-pregnant]")).Should().Contain("Currently pregnant");
        (await page.InputValueAsync("#fact-birthDate")).Should().Be("1995-03-01", "switching language keeps what was entered");
        await Screenshot(page, "screener-pregnant-xuhui-en.png");

        new FileInfo(Repo.Artifacts("screener-pregnant-xuhui-zh.png")).Length.Should().BeGreaterThan(10_000);
        problems.Should().BeEmpty("the page loads nothing from elsewhere and logs no errors");
    }

    /// <summary>The view a case worker has: the top of the form beside the top of the answers.</summary>
    private static async Task Screenshot(IPage page, string name)
    {
        await page.EvaluateAsync("() => { window.scrollTo(0, 0); document.getElementById('answers').scrollTop = 0; }");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Repo.Artifacts(name) });
    }

    [ChromiumFact]
    public async Task A_problem_from_the_service_is_shown_and_points_at_the_fact()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumFactAttribute.Executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync();
        await page.GotoAsync(_url + "/?lang=en");
        await page.Locator("body[data-ready=true]").WaitForAsync();

        await page.ClickAsync("#evaluate");
        (await page.TextContentAsync("#error")).Should().Contain("Choose a county first");

        await page.FillAsync("#county-search", "310104");
        await page.ClickAsync("#county-options button[data-code='310104']");
        await page.FillAsync("#fact-birthDate", "2030-01-01");
        await page.FillAsync("#on", "2024-06-01");
        await page.ClickAsync("#evaluate");
        await page.Locator("#error").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });

        (await page.TextContentAsync("#error")).Should().Contain("after the evaluation date");
        (await page.EvaluateAsync<string>("document.activeElement.id")).Should().Be("fact-birthDate");
    }
}
