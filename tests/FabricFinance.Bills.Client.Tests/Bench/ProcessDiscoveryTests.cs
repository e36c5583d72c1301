using FabricFinance.Bills.Cli.Bench;

namespace FabricFinance.Bills.Client.Tests.Bench;

/// <summary>The network's processes from the PID files of scripts/lib/process.sh.</summary>
public sealed class ProcessDiscoveryTests
{
    [TestCase("peer0.banka.example.com", "/opt/fabric/bin/peer", "Peer")]
    [TestCase("orderer.example.com", "/opt/fabric/bin/orderer", "Orderer")]
    [TestCase("chaincode-bills", "/usr/bin/dotnet", "Chaincode")]
    [TestCase("something", "/usr/bin/other", "Other")]
    public void ParsePidFile_LocalProcess_GivesPidAndRole(string name, string program, string role)
    {
        // Act
        var parsed = ProcessDiscovery.ParsePidFile(name, $"2164\n{program}\n/tmp/logs/{name}.log\n");

        // Assert
        Assert.That(parsed, Is.EqualTo((new BenchProcess(name, Enum.Parse<ProcessRole>(role), 2164), program)));
    }

    [TestCase("container\nfabfin-peer0\nnetwork.sh\n")]
    [TestCase("")]
    [TestCase("2164\n")]
    [TestCase("-3\n/usr/bin/peer\n")]
    public void ParsePidFile_ContainerOrMalformed_IsNull(string content)
    {
        // Act / Assert
        Assert.That(ProcessDiscovery.ParsePidFile("peer0.banka.example.com", content), Is.Null);
    }

    [Test]
    public void Discover_RunDirectory_KeepsProcessesThatStillRunTheirProgram()
    {
        // Arrange
        using var proc = new ProcessStatTests.FakeProc();
        proc.Add(101, "101 (peer) S 1 1 1 0 -1 0 0 0 0 0 5 5 0", "VmRSS: 1 kB\n", "/opt/fabric/bin/peer\0node\0start\0");
        proc.Add(102, "102 (dotnet) S 1 1 1 0 -1 0 0 0 0 0 5 5 0", "VmRSS: 1 kB\n", "/usr/bin/dotnet\0/run/bills/FabricFinance.Bills.Service.dll\0");
        proc.Add(103, "103 (bash) S 1 1 1 0 -1 0 0 0 0 0 5 5 0", "VmRSS: 1 kB\n", "/bin/bash\0");
        var run = Directory.CreateTempSubdirectory("fabfin-run-").FullName;
        try
        {
            var pids = Directory.CreateDirectory(Path.Combine(run, ProcessDiscovery.PidFolder)).FullName;
            File.WriteAllText(Path.Combine(pids, "peer0.banka.example.com.pid"), "101\n/opt/fabric/bin/peer\nlog\n");
            File.WriteAllText(Path.Combine(pids, "chaincode-bills.pid"), "102\n/usr/bin/dotnet\nlog\n");
            File.WriteAllText(Path.Combine(pids, "orderer.example.com.pid"), "103\n/opt/fabric/bin/orderer\nlog\n");   // PID reused
            File.WriteAllText(Path.Combine(pids, "peer0.bankb.example.com.pid"), "104\n/opt/fabric/bin/peer\nlog\n");   // gone

            // Act
            var (processes, skipped) = ProcessDiscovery.Discover(run, proc.Root);

            // Assert
            Assert.Multiple(() =>
            {
                Assert.That(processes, Is.EqualTo(new[]
                {
                    new BenchProcess("chaincode-bills", ProcessRole.Chaincode, 102),
                    new BenchProcess("peer0.banka.example.com", ProcessRole.Peer, 101),
                }));
                Assert.That(skipped, Has.Count.EqualTo(2));
                Assert.That(skipped, Has.Some.Contains("orderer.example.com").And.Some.Contains("peer0.bankb.example.com"));
            });
        }
        finally
        {
            Directory.Delete(run, recursive: true);
        }
    }

    [Test]
    public void Discover_NoPidFolder_SaysSo()
    {
        // Act
        var (processes, skipped) = ProcessDiscovery.Discover(Path.Combine(Path.GetTempPath(), "fabfin-no-such-run-" + Guid.NewGuid()));

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(processes, Is.Empty);
            Assert.That(skipped.Single(), Does.Contain("no PID files"));
        });
    }

    [TestCase("peer0.banka.example.com", "Peer", "peer0.banka")]
    [TestCase("orderer.example.com", "Orderer", "orderer")]
    [TestCase("chaincode-bills", "Chaincode", "chaincode-bills")]
    public void ShortName_NodeName_KeepsTheHostPart(string name, string role, string expected)
    {
        // Act / Assert
        Assert.That(new BenchProcess(name, Enum.Parse<ProcessRole>(role), 1).ShortName, Is.EqualTo(expected));
    }

    [Test]
    public void Usage_TwoSamples_GivesCpuPerTransactionAndRoles()
    {
        // Arrange
        var meter = new ProcessMeter(
            [new BenchProcess("driver", ProcessRole.Driver, 1), new BenchProcess("peer0.banka.example.com", ProcessRole.Peer, 2), new BenchProcess("peer0.bankb.example.com", ProcessRole.Peer, 3)],
            ticksPerSecond: 100);
        ProcessSample?[] before = [new(1000, 100), new(500, 200), null];
        ProcessSample?[] after = [new(1250, 150), new(600, 210), new(10, 1)];

        // Act
        var usage = meter.Usage(before, after, [160L, null, null], transactions: 500, gatewayPeers: ["peer0.banka.example.com"]);

        // Assert
        Assert.That(usage, Is.EqualTo(new[]
        {
            new ProcessUsage("driver", "driver", 1, 2.5, 5.0, 100, 150, 160),
            new ProcessUsage("peer0.banka.example.com", "gateway-peer", 2, 1.0, 2.0, 200, 210, 210),
            new ProcessUsage("peer0.bankb.example.com", "peer", 3, null, null, null, 1, 1),
        }));
    }
}
