using Microsoft.Playwright;

namespace FabricFinance.Monitor.Web.Tests.Support;

/// <summary>
/// Starts one monitor host and Debian's Chromium (headless, driven by Playwright; no browser is downloaded) per
/// fixture, and a fresh browser context per test. Without Chromium the tests are ignored.
/// </summary>
public abstract class BrowserTestBase
{
    /// <summary>Where Debian installs Chromium.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private IBrowserContext? _context;
    private MonitorTestHost? _host;
    private IPage? _page;
    private readonly List<string> _consoleErrors = [];

    /// <summary>Gets the running host.</summary>
    protected MonitorTestHost Host => _host ?? throw new InvalidOperationException("the host is not started.");

    /// <summary>Gets this test's page.</summary>
    protected IPage Page => _page ?? throw new InvalidOperationException("the page is not open.");

    /// <summary>Gets the errors the page logged to its console or threw.</summary>
    protected IReadOnlyList<string> ConsoleErrors => _consoleErrors;

    [OneTimeSetUp]
    public async Task StartBrowserAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            Assert.Ignore($"Chromium is not installed at {ChromiumPath}; install it with: apt-get install chromium");
        }

        _host = await MonitorTestHost.StartAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Timeout = 60_000,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-extensions"],
        });
    }

    [OneTimeTearDown]
    public async Task StopBrowserAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    [SetUp]
    public async Task OpenPageAsync()
    {
        _consoleErrors.Clear();
        _context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Host.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
            Locale = "en-US",
            TimezoneId = "UTC",
        });
        _context.SetDefaultTimeout(15_000);
        _page = await _context.NewPageAsync();
        _page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _consoleErrors.Add(message.Text);
            }
        };
        _page.PageError += (_, error) => _consoleErrors.Add(error);
    }

    [TearDown]
    public async Task ClosePageAsync()
    {
        if (_context is not null)
        {
            await _context.DisposeAsync();
            _context = null;
        }
    }

    /// <summary>Opens a page of the monitor and waits until its script has loaded the data.</summary>
    /// <param name="path">The path, e.g. <c>/</c>.</param>
    /// <returns>A task.</returns>
    protected async Task OpenAsync(string path)
    {
        await Page.GotoAsync(path);
        await Page.Locator("body[data-ready='true']").WaitForAsync();
    }
}
