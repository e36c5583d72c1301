using FabricFinance.IntegrationTests.Infrastructure;

namespace FabricFinance.IntegrationTests.Resilience.Faults;

/// <summary>The log a network process writes (network.sh appends each run of a service to one file).</summary>
internal static class ServiceLog
{
    public static string PathOf(string name) => Path.Combine(Repository.NetworkState, ".logs", name + ".log");

    /// <summary>The log's current length in bytes, to read what is written from now on.</summary>
    public static long Length(string name) => File.Exists(PathOf(name)) ? new FileInfo(PathOf(name)).Length : 0;

    /// <summary>The lines at level error or critical (the console logger's <c>fail:</c> and <c>crit:</c>) written since <paramref name="offset"/>.</summary>
    public static IReadOnlyList<string> ErrorLinesSince(string name, long offset)
    {
        using var stream = new FileStream(PathOf(name), FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        stream.Seek(offset, SeekOrigin.Begin);
        using var reader = new StreamReader(stream);
        var found = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal))
            {
                found.Add(line);
            }
        }

        return found;
    }
}
