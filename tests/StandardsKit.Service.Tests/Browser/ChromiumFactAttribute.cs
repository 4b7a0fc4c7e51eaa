namespace StandardsKit.Service.Tests.Browser;

/// <summary>
/// A test that needs Debian's chromium (Playwright cannot download browsers here). Without /usr/bin/chromium it is
/// skipped with the command that installs it, except where STANDARDSKIT_REQUIRE_BROWSER=1 (set by .ci/run, which
/// installs chromium first): there a missing browser fails the test instead of hiding it.
/// </summary>
internal sealed class ChromiumFactAttribute : FactAttribute
{
    public const string Executable = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(Executable) && Environment.GetEnvironmentVariable("STANDARDSKIT_REQUIRE_BROWSER") != "1")
        {
            Skip = $"{Executable} is missing: install it with 'sudo apt-get install -y chromium' (CI installs it and sets STANDARDSKIT_REQUIRE_BROWSER=1)";
        }
    }
}
