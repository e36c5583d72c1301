using System.Globalization;

namespace FabricFinance.Bills.Cli.Bench;

/// <summary>
/// Finds the processes the network started from the PID files scripts/network.sh keeps beside network.json
/// (<c>.run/pids/NAME.pid</c>, scripts/lib/process.sh: the PID, the program, the log), for the orderer, every peer and
/// every chaincode service. A PID is used only while that process still runs the recorded program; containers
/// (the docker backend) are skipped.
/// </summary>
internal static class ProcessDiscovery
{
    /// <summary>The folder of the PID files, relative to network.json's folder.</summary>
    public const string PidFolder = "pids";

    /// <summary>The network's running processes, ordered by name, with a reason for each PID file that was skipped.</summary>
    /// <param name="runDirectory">The folder of network.json (<c>$FABFIN_STATE_DIR/.run</c>).</param>
    /// <param name="procRoot">Where /proc is.</param>
    public static (IReadOnlyList<BenchProcess> Processes, IReadOnlyList<string> Skipped) Discover(string runDirectory, string procRoot = ProcessStat.ProcRoot)
    {
        ArgumentNullException.ThrowIfNull(runDirectory);
        var folder = Path.Combine(runDirectory, PidFolder);
        var processes = new List<BenchProcess>();
        var skipped = new List<string>();
        if (!Directory.Exists(folder))
        {
            skipped.Add($"no PID files in {folder}: CPU and memory of the network's processes are not measured");
            return (processes, skipped);
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*.pid").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            string content;
            try
            {
                content = File.ReadAllText(file);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                skipped.Add($"{name}: {ex.Message}");
                continue;
            }

            if (ParsePidFile(name, content) is not { } entry)
            {
                skipped.Add($"{name}: not a local process (a container, or an unreadable PID file)");
                continue;
            }

            if (!RunsProgram(entry.Process.Pid, entry.Program, procRoot))
            {
                skipped.Add($"{name}: PID {entry.Process.Pid} no longer runs {entry.Program}");
                continue;
            }

            processes.Add(entry.Process);
        }

        return (processes, skipped);
    }

    /// <summary>Reads a PID file: line 1 the PID, line 2 the program; the role follows from the name and program.</summary>
    /// <returns>The process and its program, or <see langword="null"/> for a container or a malformed file.</returns>
    public static (BenchProcess Process, string Program)? ParsePidFile(string name, string content)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(content);
        var lines = content.Split('\n', StringSplitOptions.TrimEntries);
        if (lines.Length < 2
            || !int.TryParse(lines[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            || pid <= 0
            || lines[1].Length == 0)
        {
            return null;
        }

        var program = lines[1];
        var role = name.StartsWith("chaincode-", StringComparison.Ordinal)
            ? ProcessRole.Chaincode
            : Path.GetFileName(program) switch
            {
                "peer" => ProcessRole.Peer,
                "orderer" => ProcessRole.Orderer,
                _ => ProcessRole.Other,
            };
        return (new BenchProcess(name, role, pid), program);
    }

    /// <summary>Whether a PID's command line has the program among its words (scripts/lib/process.sh's check).</summary>
    public static bool RunsProgram(int pid, string program, string procRoot = ProcessStat.ProcRoot)
    {
        try
        {
            var cmdline = File.ReadAllText(Path.Combine(procRoot, pid.ToString(CultureInfo.InvariantCulture), "cmdline"));
            return cmdline.Split('\0').Contains(program, StringComparer.Ordinal);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
