using System.Globalization;

namespace FabricFinance.Bills.Cli.Bench;

/// <summary>
/// Reads what Linux's /proc says about a process: CPU time used (<c>/proc/PID/stat</c>, user plus system time in clock
/// ticks) and resident memory (<c>/proc/PID/status</c>, <c>VmRSS</c>). See proc(5).
/// </summary>
internal static class ProcessStat
{
    /// <summary>Where Linux mounts the process file system.</summary>
    public const string ProcRoot = "/proc";

    /// <summary>
    /// The user plus system CPU time of a <c>/proc/PID/stat</c> line, in clock ticks. The command name (field 2) is in
    /// parentheses and may itself hold spaces and parentheses, so the fields are counted from the last <c>)</c>:
    /// utime and stime are fields 14 and 15.
    /// </summary>
    /// <exception cref="FormatException">The line is not a stat line.</exception>
    public static long ParseCpuTicks(string statLine)
    {
        ArgumentNullException.ThrowIfNull(statLine);
        var end = statLine.LastIndexOf(')');
        if (end < 0)
        {
            throw new FormatException("A /proc/PID/stat line has the command name in parentheses; none found.");
        }

        // After ")": field 3 (state) is the first.
        var fields = statLine[(end + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        const int utime = 14 - 3, stime = 15 - 3;
        if (fields.Length <= stime
            || !long.TryParse(fields[utime], NumberStyles.None, CultureInfo.InvariantCulture, out var user)
            || !long.TryParse(fields[stime], NumberStyles.None, CultureInfo.InvariantCulture, out var system))
        {
            throw new FormatException($"The /proc/PID/stat line has no utime and stime fields: '{statLine}'.");
        }

        return user + system;
    }

    /// <summary>The resident set size in KiB of a <c>/proc/PID/status</c> text (<c>VmRSS:   123 kB</c>).</summary>
    /// <returns>The size, or <see langword="null"/> when the text has no VmRSS line (a kernel thread, a zombie).</returns>
    public static long? ParseRssKb(string statusText)
    {
        ArgumentNullException.ThrowIfNull(statusText);
        foreach (var line in statusText.Split('\n'))
        {
            if (!line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                continue;
            }

            var parts = line["VmRSS:".Length..].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            return parts.Length >= 1 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var kb) ? kb : null;
        }

        return null;
    }

    /// <summary>Reads a process's CPU ticks and RSS now.</summary>
    /// <returns>The sample, or <see langword="null"/> when the process is gone or /proc cannot be read.</returns>
    public static ProcessSample? Read(int pid, string procRoot = ProcRoot)
    {
        try
        {
            var ticks = ParseCpuTicks(File.ReadAllText(Path.Combine(procRoot, pid.ToString(CultureInfo.InvariantCulture), "stat")));
            var rss = ParseRssKb(File.ReadAllText(Path.Combine(procRoot, pid.ToString(CultureInfo.InvariantCulture), "status")));
            return new ProcessSample(ticks, rss);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }
}
