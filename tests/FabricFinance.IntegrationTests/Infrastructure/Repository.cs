namespace FabricFinance.IntegrationTests.Infrastructure;

/// <summary>Locates the repository the tests run from.</summary>
internal static class Repository
{
    /// <summary>Gets the repository root: the nearest folder above the test binaries holding <c>FabricFinance.sln</c>.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FabricFinance.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No FabricFinance.sln above {AppContext.BaseDirectory}.");
    }
}
