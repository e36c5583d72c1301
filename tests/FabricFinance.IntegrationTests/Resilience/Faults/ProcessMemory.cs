using System.Globalization;

namespace FabricFinance.IntegrationTests.Resilience.Faults;

/// <summary>Resident set sizes read from <c>/proc/{pid}/status</c> (Linux).</summary>
internal static class ProcessMemory
{
    /// <summary>The process's resident set size in MiB, or <see langword="null"/> if it cannot be read.</summary>
    public static double? RssMiB(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            var kib = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
            return kib is null ? null : long.Parse(kib, CultureInfo.InvariantCulture) / 1024.0;
        }
        catch (IOException)
        {
            return null; // the process is gone
        }
    }
}
