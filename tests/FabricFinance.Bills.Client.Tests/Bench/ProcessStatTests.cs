using System.Text;
using FabricFinance.Bills.Cli.Bench;

namespace FabricFinance.Bills.Client.Tests.Bench;

/// <summary>Reading CPU ticks, memory, the tick rate and the network's PID files from /proc-shaped text.</summary>
public sealed class ProcessStatTests
{
    private const string PeerStat =
        "2164 (peer) S 1 2164 2164 0 -1 4194560 31650 0 0 0 1234 567 0 0 20 0 14 0 12345 2000000000 30000 18446744073709551615 1 1 0 0 0 0 0 0 2143420159 0 0 0 17 1 0 0 0 0 0";

    [Test]
    public void ParseCpuTicks_StatLine_AddsUserAndSystemTime()
    {
        // Act
        var ticks = ProcessStat.ParseCpuTicks(PeerStat);

        // Assert
        Assert.That(ticks, Is.EqualTo(1234 + 567));
    }

    [Test]
    public void ParseCpuTicks_CommandNameWithSpacesAndParentheses_CountsFieldsAfterTheLastParenthesis()
    {
        // Arrange
        var line = PeerStat.Replace("(peer)", "(a (weird) name)", StringComparison.Ordinal);

        // Act
        var ticks = ProcessStat.ParseCpuTicks(line);

        // Assert
        Assert.That(ticks, Is.EqualTo(1801));
    }

    [TestCase("")]
    [TestCase("2164 peer S 1")]
    [TestCase("2164 (peer) S 1 2 3")]
    [TestCase("2164 (peer) S 1 2164 2164 0 -1 4194560 31650 0 0 0 x 567")]
    public void ParseCpuTicks_NotAStatLine_ThrowsFormat(string line)
    {
        // Act / Assert
        Assert.Throws<FormatException>(() => ProcessStat.ParseCpuTicks(line));
    }

    [Test]
    public void ParseRssKb_StatusText_ReadsVmRss()
    {
        // Arrange
        const string status = "Name:\tdotnet\nVmPeak:\t 3000000 kB\nVmRSS:\t  108252 kB\nRssAnon:\t 60000 kB\n";

        // Act / Assert
        Assert.Multiple(() =>
        {
            Assert.That(ProcessStat.ParseRssKb(status), Is.EqualTo(108_252));
            Assert.That(ProcessStat.ParseRssKb("Name:\tkthreadd\nState:\tS\n"), Is.Null);
        });
    }

    [Test]
    public void Read_FakeProc_GivesTicksAndRss()
    {
        // Arrange
        using var proc = new FakeProc();
        proc.Add(2164, PeerStat, "VmRSS:\t 2048 kB\n", "/opt/fabric/bin/peer\0node\0start\0");

        // Act
        var sample = ProcessStat.Read(2164, proc.Root);

        // Assert
        Assert.That(sample, Is.EqualTo(new ProcessSample(1801, 2048)));
    }

    [Test]
    public void Read_GoneProcess_IsNull()
    {
        // Arrange
        using var proc = new FakeProc();

        // Act / Assert
        Assert.That(ProcessStat.Read(99999, proc.Root), Is.Null);
    }

    [Test]
    public void Read_ThisProcess_HasTicksAndMemory()
    {
        // Act
        var sample = ProcessStat.Read(Environment.ProcessId);

        // Assert
        Assert.That(sample, Is.Not.Null);
        Assert.That(sample!.RssKb, Is.GreaterThan(0));
    }

    [Test]
    public void ParseAuxv_VectorWithClockTick_FindsIt()
    {
        // Arrange
        var auxv = Auxv((6, 4096), (ClockTicks.AtClkTck, 100), (25, 12345), (0, 0));

        // Act / Assert
        Assert.That(ClockTicks.ParseAuxv(auxv), Is.EqualTo(100));
    }

    [Test]
    public void ParseAuxv_NoClockTickBeforeTheEnd_IsNull()
    {
        // Arrange
        var auxv = Auxv((6, 4096), (0, 0), (ClockTicks.AtClkTck, 100));

        // Act / Assert
        Assert.Multiple(() =>
        {
            Assert.That(ClockTicks.ParseAuxv(auxv), Is.Null);
            Assert.That(ClockTicks.ParseAuxv([]), Is.Null);
        });
    }

    [Test]
    public void Read_ThisMachine_GivesAPositiveTickRate()
    {
        // Act
        var (ticks, source) = ClockTicks.Read();

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(ticks, Is.GreaterThan(0));
            Assert.That(source, Is.Not.Empty);
        });
    }

    private static byte[] Auxv(params (ulong Type, ulong Value)[] entries)
    {
        var bytes = new byte[entries.Length * 16];
        for (var i = 0; i < entries.Length; i++)
        {
            BitConverter.TryWriteBytes(bytes.AsSpan(i * 16), entries[i].Type);
            BitConverter.TryWriteBytes(bytes.AsSpan((i * 16) + 8), entries[i].Value);
        }

        return bytes;
    }

    /// <summary>A folder shaped like /proc for a few made-up processes.</summary>
    internal sealed class FakeProc : IDisposable
    {
        public string Root { get; } = Directory.CreateTempSubdirectory("fabfin-proc-").FullName;

        public void Add(int pid, string stat, string status, string cmdline)
        {
            var dir = Path.Combine(Root, pid.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, "stat"), stat + "\n");
            File.WriteAllText(Path.Combine(dir, "status"), status);
            File.WriteAllText(Path.Combine(dir, "cmdline"), cmdline, Encoding.UTF8);
        }

        public void Dispose() => Directory.Delete(Root, recursive: true);
    }
}
