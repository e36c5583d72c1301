using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;

namespace FabricFinance.Bills.Cli.Bench;

/// <summary>
/// How many clock ticks make a second in /proc's CPU times (<c>sysconf(_SC_CLK_TCK)</c>, <c>getconf CLK_TCK</c>;
/// 100 on nearly every Linux). The kernel hands the value to every process in its auxiliary vector
/// (<c>AT_CLKTCK</c>, read from <c>/proc/self/auxv</c>), which is where the C library's sysconf takes it from too.
/// </summary>
internal static class ClockTicks
{
    /// <summary>The auxiliary vector entry that holds the tick rate.</summary>
    public const ulong AtClkTck = 17;

    /// <summary>Reads the tick rate: from the auxiliary vector, else from <c>getconf CLK_TCK</c>.</summary>
    /// <returns>The ticks per second and where they came from; 100 (<c>assumed</c>) when neither answers.</returns>
    public static (long TicksPerSecond, string Source) Read()
    {
        try
        {
            if (ParseAuxv(File.ReadAllBytes("/proc/self/auxv")) is { } fromAuxv)
            {
                return (fromAuxv, "auxv AT_CLKTCK");
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // fall through to getconf
        }

        if (Getconf() is { } fromGetconf)
        {
            return (fromGetconf, "getconf CLK_TCK");
        }

        return (100, "assumed");
    }

    /// <summary>
    /// Finds <c>AT_CLKTCK</c> in an auxiliary vector: pairs of native-endian 64-bit (type, value) words ending with
    /// type 0. Only 64-bit little-endian processes are read (x64, Arm64); anything else gives <see langword="null"/>.
    /// </summary>
    public static long? ParseAuxv(ReadOnlySpan<byte> auxv)
    {
        if (!BitConverter.IsLittleEndian || IntPtr.Size != 8)
        {
            return null;
        }

        for (var offset = 0; offset + 16 <= auxv.Length; offset += 16)
        {
            var type = BinaryPrimitives.ReadUInt64LittleEndian(auxv[offset..]);
            var value = BinaryPrimitives.ReadUInt64LittleEndian(auxv[(offset + 8)..]);
            if (type == 0)
            {
                return null;
            }

            if (type == AtClkTck)
            {
                return value is > 0 and <= 1_000_000 ? (long)value : null;
            }
        }

        return null;
    }

    private static long? Getconf()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("getconf", "CLK_TCK") { RedirectStandardOutput = true, UseShellExecute = false });
            if (process is null)
            {
                return null;
            }

            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit(5000);
            return long.TryParse(output.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks > 0 ? ticks : null;
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return null;
        }
    }
}
