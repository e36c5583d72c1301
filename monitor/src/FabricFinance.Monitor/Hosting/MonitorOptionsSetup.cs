using FabricFinance.Monitor.Storage;
using Microsoft.Extensions.Options;

namespace FabricFinance.Monitor.Hosting;

/// <summary>
/// Fills in the settings that depend on where the monitor runs: the data folder as a full path, the SQLite file in
/// it, and the network description found from <c>FABFIN_STATE_DIR</c> or the current folder.
/// </summary>
/// <param name="contentRoot">The folder relative paths are taken from.</param>
/// <param name="stateDirectory">The value of <c>FABFIN_STATE_DIR</c>, if set.</param>
/// <param name="currentDirectory">Where to start looking for <c>network/.run/network.json</c>.</param>
public sealed class MonitorOptionsSetup(string contentRoot, string? stateDirectory, string currentDirectory) : IPostConfigureOptions<MonitorOptions>
{
    /// <summary>The environment variable that names a network's state folder (as for scripts/network.sh).</summary>
    public const string StateDirectoryVariable = "FABFIN_STATE_DIR";

    /// <summary>The SQLite file's name in the data folder.</summary>
    public const string SqliteFileName = "monitor.db";

    /// <inheritdoc/>
    public void PostConfigure(string? name, MonitorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            options.DataDirectory = Path.GetFullPath(options.DataDirectory, contentRoot);
            if (options.Storage == StorageProvider.Sqlite && string.IsNullOrWhiteSpace(options.ConnectionString))
            {
                options.ConnectionString = "Data Source=" + Path.Combine(options.DataDirectory, SqliteFileName);
            }
        }

        if (string.IsNullOrWhiteSpace(options.NetworkFile))
        {
            options.NetworkFile = FindNetworkFile();
        }
        else
        {
            options.NetworkFile = Path.GetFullPath(options.NetworkFile, currentDirectory);
        }
    }

    private string? FindNetworkFile()
    {
        var runFile = Path.Combine(".run", "network.json");
        if (!string.IsNullOrWhiteSpace(stateDirectory))
        {
            return Path.GetFullPath(Path.Combine(stateDirectory, runFile), currentDirectory);
        }

        for (var directory = new DirectoryInfo(currentDirectory); directory is not null; directory = directory.Parent)
        {
            var path = Path.Combine(directory.FullName, "network", runFile);
            if (File.Exists(path))
            {
                return path;
            }
        }

        return null;
    }
}
