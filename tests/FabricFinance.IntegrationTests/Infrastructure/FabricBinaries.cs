namespace FabricFinance.IntegrationTests.Infrastructure;

/// <summary>
/// Finds the Fabric binaries the way <c>scripts/network.sh</c> does: <c>FABRIC_BIN</c>, then
/// <c>./.fabric/bin</c>, then <c>PATH</c>.
/// </summary>
internal static class FabricBinaries
{
    private static readonly string[] Required = ["peer", "orderer", "configtxgen", "cryptogen", "osnadmin"];

    /// <summary>Returns the folder holding every required binary, or <see langword="null"/> with the reason.</summary>
    public static string? Locate(string repositoryRoot, out string reason)
    {
        var candidates = new List<(string Source, string Folder)>();
        if (Environment.GetEnvironmentVariable("FABRIC_BIN") is { Length: > 0 } fromVariable)
        {
            candidates.Add(("FABRIC_BIN", fromVariable));
        }

        candidates.Add(("./.fabric/bin", Path.Combine(repositoryRoot, ".fabric", "bin")));
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            candidates.Add(("PATH", folder));
        }

        foreach (var (_, folder) in candidates)
        {
            if (Required.All(binary => File.Exists(Path.Combine(folder, binary))))
            {
                reason = string.Empty;
                return folder;
            }
        }

        reason = "No Fabric 2.5 binaries (" + string.Join(", ", Required) + ") were found in FABRIC_BIN, ./.fabric/bin or PATH. "
            + "To run the integration suite, install them with scripts/install-fabric.sh (or point FABRIC_BIN at a folder that holds them) and run scripts/test.sh again.";
        return null;
    }
}
