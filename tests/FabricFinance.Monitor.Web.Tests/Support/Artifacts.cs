using Microsoft.Playwright;

namespace FabricFinance.Monitor.Web.Tests.Support;

/// <summary>Screenshots kept as test artifacts: PNG files under the test output's <c>TestResults/screenshots</c>.</summary>
public static class Artifacts
{
    /// <summary>Gets the folder the screenshots are written to.</summary>
    public static string ScreenshotFolder => Path.Combine(TestContext.CurrentContext.WorkDirectory, "TestResults", "screenshots");

    /// <summary>Takes a full-page screenshot and attaches it to the current test.</summary>
    /// <param name="page">The page.</param>
    /// <param name="name">The file's name without extension.</param>
    /// <param name="description">What the screenshot shows.</param>
    /// <returns>The PNG's path.</returns>
    public static async Task<string> ScreenshotAsync(IPage page, string name, string description)
    {
        ArgumentNullException.ThrowIfNull(page);
        Directory.CreateDirectory(ScreenshotFolder);
        var path = Path.Combine(ScreenshotFolder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.AddTestAttachment(path, description);
        return path;
    }
}
