namespace FabricFinance.IntegrationTests.Infrastructure;

/// <summary>Locates the repository the tests run from.</summary>
internal static class Repository
{
    /// <summary>Gets the repository root: the nearest folder above the test binaries holding <c>FabricFinance.sln</c>.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>
    /// Gets the folder holding the network's generated state (<c>.run/</c>) and logs: <c>network/</c>,
    /// or <c>FABFIN_STATE_DIR</c> when set (a second network beside the default one).
    /// </summary>
    public static string NetworkState { get; } =
        Environment.GetEnvironmentVariable("FABFIN_STATE_DIR") is { Length: > 0 } state ? state : Path.Combine(Root, "network");

    /// <summary>Gets the port offset of the network the tests use (<c>FABFIN_PORT_OFFSET</c>, default 0).</summary>
    public static int PortOffset { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("FABFIN_PORT_OFFSET"), System.Globalization.CultureInfo.InvariantCulture, out var offset) ? offset : 0;

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
