using System.Runtime.InteropServices;

namespace FabricFinance.Bills.Cli.Bench;

/// <summary>Where a run was measured, and how busy the machine was (a figure from a busy machine is preliminary).</summary>
/// <param name="ProcessorCount">Logical processors.</param>
/// <param name="Os">The operating system.</param>
/// <param name="Runtime">The .NET runtime.</param>
/// <param name="LoadAverageStart">/proc/loadavg (1, 5, 15 minutes) when the run started.</param>
/// <param name="LoadAverageEnd">The same when it ended.</param>
/// <param name="ClockTicksPerSecond">The unit of /proc's CPU times.</param>
/// <param name="ClockTicksSource">Where that was read.</param>
internal sealed record MachineInfo(
    int ProcessorCount,
    string Os,
    string Runtime,
    string? LoadAverageStart,
    string? LoadAverageEnd,
    long ClockTicksPerSecond,
    string ClockTicksSource)
{
    /// <summary>The machine now.</summary>
    public static MachineInfo Now(long ticksPerSecond, string ticksSource) => new(
        Environment.ProcessorCount,
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        LoadAverage(),
        null,
        ticksPerSecond,
        ticksSource);

    /// <summary>The first three fields of /proc/loadavg, or <see langword="null"/>.</summary>
    public static string? LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
