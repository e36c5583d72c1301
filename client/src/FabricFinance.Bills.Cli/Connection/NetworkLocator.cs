using FabricFinance.Bills.Cli.Infrastructure;

namespace FabricFinance.Bills.Cli.Connection;

/// <summary>
/// Finds the network.json to use: <c>--network</c>, else <c>$FABFIN_STATE_DIR/.run/network.json</c>, else
/// <c>network/.run/network.json</c> in the current directory or above.
/// </summary>
internal static class NetworkLocator
{
    /// <summary>The file's path relative to the state directory.</summary>
    public static readonly string RunFile = Path.Combine(".run", "network.json");

    /// <exception cref="NetworkSetupException">No network.json is found where it is looked for.</exception>
    public static string Locate(string? explicitPath, CliEnvironment environment)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            var path = Path.GetFullPath(explicitPath, environment.CurrentDirectory);
            return File.Exists(path) ? path : throw new NetworkSetupException($"--network {explicitPath}: no such file.");
        }

        if (environment.GetVariable(CliEnvironment.StateDirVariable) is { Length: > 0 } stateDir)
        {
            var path = Path.GetFullPath(Path.Combine(stateDir, RunFile), environment.CurrentDirectory);
            return File.Exists(path)
                ? path
                : throw new NetworkSetupException($"{path} does not exist ({CliEnvironment.StateDirVariable} is set): start the network with scripts/network.sh up, or pass --network FILE.");
        }

        for (var directory = new DirectoryInfo(environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            var path = Path.Combine(directory.FullName, "network", RunFile);
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new NetworkSetupException(
            "No network.json found: start the network with scripts/network.sh up (it writes network/.run/network.json), "
            + $"set {CliEnvironment.StateDirVariable}, or pass --network FILE.");
    }
}
