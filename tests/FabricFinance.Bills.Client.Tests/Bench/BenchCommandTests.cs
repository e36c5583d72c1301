using System.Text.Json;
using FabricFinance.Bills.Client.Tests.Infrastructure;

namespace FabricFinance.Bills.Client.Tests.Bench;

/// <summary>fabfin bench in-process against the fake gateway: options, set-up, phases, the JSON report, exit codes.</summary>
public sealed class BenchCommandTests
{
    private SampleNetwork _network = null!;

    [OneTimeSetUp]
    public void CreateNetwork() => _network = new SampleNetwork();

    [OneTimeTearDown]
    public void DeleteNetwork() => _network.Dispose();

    [Test]
    [CancelAfter(60_000)]
    public async Task Bench_CompareNoop_ReportsEveryPhaseAndTheRatiosAsOneJsonDocument()
    {
        // Arrange
        using var host = Host();

        // Act
        var result = await host.RunAsync(
            "bench", "--workload", "evaluate,submit", "--levels", "1,2", "--duration", "0.2", "--warmup", "0", "--compare", "noop", "--json", "--at", "2026-01-05");

        // Assert
        Assert.That(result.ExitCode, Is.Zero, host.ErrorText);
        using var report = JsonDocument.Parse(result.Output);
        var root = report.RootElement;
        var runs = root.GetProperty("runs").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(runs.Select(r => $"{r.GetProperty("chaincode").GetString()} {r.GetProperty("workload").GetString()} {r.GetProperty("inFlight").GetInt32()}"), Is.EqualTo(new[]
            {
                "bills evaluate 1", "noop evaluate 1", "bills evaluate 2", "noop evaluate 2", "bills submit 1", "noop submit 1", "bills submit 2", "noop submit 2",
            }));
            Assert.That(runs, Has.All.Matches<JsonElement>(r => r.GetProperty("transactions").GetInt64() > 0));
            Assert.That(root.GetProperty("comparisons").GetArrayLength(), Is.EqualTo(4));
            Assert.That(root.GetProperty("targets").GetArrayLength(), Is.EqualTo(6));
            Assert.That(root.GetProperty("settings").GetProperty("dueDate").GetString(), Is.EqualTo("2026-04-05"));
            Assert.That(root.GetProperty("notes")[0].GetString(), Does.Contain("no PID files"));
            Assert.That(runs[0].GetProperty("processes")[0].GetProperty("role").GetString(), Is.EqualTo("driver"));
        });

        var issues = host.Gateway.ProposalsOf("IssueBill");
        var evaluateBill = JsonDocument.Parse(issues[0].Args[0]).RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(issues.Select(p => p.ChaincodeName).Distinct(), Is.EquivalentTo(new[] { "bills", "noop" }));
            Assert.That(issues.Select(p => p.CreatorMspId).Distinct(), Is.EqualTo(new[] { "BankAMSP" }));
            Assert.That(evaluateBill.GetProperty("dueDate").GetString(), Is.EqualTo("2026-04-05"));
            Assert.That(evaluateBill.GetProperty("payee").GetString(), Is.EqualTo("SupplierA"));
            Assert.That(evaluateBill.GetProperty("acceptor").GetString(), Is.EqualTo("BankA"));
            Assert.That(host.Gateway.ProposalsOf("GetBill").Select(p => p.Args[0]).Distinct().Single(), Is.EqualTo(evaluateBill.GetProperty("id").GetString()));
            Assert.That(host.Gateway.ProposalsOf("EndorseBill").Select(p => p.Args[1]).Distinct(), Is.EqualTo(new[] { "SupplierB" }));
            Assert.That(host.Gateway.Proposals.Select(p => p.Timestamp).Distinct().Single(), Is.EqualTo(new DateTimeOffset(2026, 1, 5, 12, 0, 0, TimeSpan.FromHours(8))));
        });
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Bench_Rounds_AlternatesTheChaincodesRoundByRoundAndComparesOverTheRounds()
    {
        // Arrange
        using var host = Host();

        // Act
        var result = await host.RunAsync(
            "bench", "--workload", "evaluate", "--levels", "1,2", "--rounds", "2", "--duration", "0.2", "--warmup", "0", "--compare", "noop", "--json", "--at", "2026-01-05");

        // Assert
        Assert.That(result.ExitCode, Is.Zero, host.ErrorText);
        using var report = JsonDocument.Parse(result.Output);
        var root = report.RootElement;
        var runs = root.GetProperty("runs").EnumerateArray().ToList();
        var comparisons = root.GetProperty("comparisons").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(runs.Select(r => $"{r.GetProperty("chaincode").GetString()} {r.GetProperty("inFlight").GetInt32()} {r.GetProperty("round").GetInt32()}"), Is.EqualTo(new[]
            {
                "bills 1 1", "noop 1 1", "bills 1 2", "noop 1 2", "bills 2 1", "noop 2 1", "bills 2 2", "noop 2 2",
            }));
            Assert.That(root.GetProperty("settings").GetProperty("rounds").GetInt32(), Is.EqualTo(2));
            Assert.That(comparisons.Select(c => c.GetProperty("inFlight").GetInt32()), Is.EqualTo(new[] { 1, 2 }));
            Assert.That(comparisons.Select(c => c.GetProperty("rounds").GetInt32()), Is.All.EqualTo(2));
            Assert.That(comparisons, Has.All.Matches<JsonElement>(c => c.GetProperty("lowestRatio").GetDouble() <= c.GetProperty("highestRatio").GetDouble()));
            Assert.That(host.ErrorText, Does.Contain("bills evaluate ×2 (round 2 of 2)"));
        });
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Bench_Setup_InitializesAndAdmitsSkippingWhatExists()
    {
        // Arrange
        using var host = Host(proposal => proposal.Function switch
        {
            "InitLedger" => FakeOutcome.Refuse(BillErrorCode.AlreadyExists, "the ledger is initialized."),
            "RegisterParty" when proposal.Args[0].Contains("\"BankB\"", StringComparison.Ordinal) => FakeOutcome.Refuse(BillErrorCode.AlreadyExists, "party BankB exists."),
            "RegisterParty" => FakeOutcome.Ok(Samples.Party()),
            _ => FakeOutcome.Ok(Samples.Bill()),
        });
        var jsonOut = Path.Combine(_network.Root, "artifacts", "bench", "run.json");

        // Act
        var result = await host.RunAsync("bench", "--setup", "--workload", "evaluate", "--levels", "1", "--duration", "0.1", "--warmup", "0", "--json-out", jsonOut);

        // Assert
        var registrations = host.Gateway.ProposalsOf("RegisterParty").Select(p => JsonDocument.Parse(p.Args[0]).RootElement).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero, host.ErrorText);
            Assert.That(host.Gateway.ProposalsOf("InitLedger").Single().CreatorMspId, Is.EqualTo("ExchangeMSP"));
            Assert.That(registrations.Select(r => r.GetProperty("id").GetString()), Is.EqualTo(new[] { "BankA", "BankB", "CoreCorp", "SupplierA", "SupplierB" }));
            Assert.That(registrations[2].GetProperty("subject").GetString(), Does.Contain("CN=User3@banka.example.com"));
            Assert.That(host.ErrorText, Does.Contain("ledger already initialized").And.Contain("party BankB already admitted").And.Contain("party CoreCorp admitted"));
            Assert.That(result.Output, Does.Contain("throughput and latency").And.Contain("issue 7 targets"));
            Assert.That(JsonDocument.Parse(File.ReadAllText(jsonOut)).RootElement.GetProperty("runs").GetArrayLength(), Is.EqualTo(1));
        });
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Bench_LedgerNotSetUp_SaysToRunSetupAndExitsThree()
    {
        // Arrange
        using var host = Host(_ => FakeOutcome.Refuse(BillErrorCode.Forbidden, "the caller acts for no party."));

        // Act
        var result = await host.RunAsync("bench", "--workload", "evaluate", "--levels", "1", "--duration", "0.1");

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(3));
            Assert.That(host.ErrorText, Does.Contain("FORBIDDEN").And.Contain("fabfin bench --setup"));
            Assert.That(host.Gateway.ProposalsOf("GetBill"), Is.Empty);
        });
    }

    [TestCase("--levels", "0")]
    [TestCase("--workload", "reads")]
    [TestCase("--duration", "0")]
    [TestCase("--rounds", "0")]
    [TestCase("--rounds", "101")]
    [TestCase("--compare", "bills")]
    [TestCase("--submit-percent", "101")]
    [TestCase("--as", "Nobody")]
    [CancelAfter(10_000)]
    public async Task Bench_BadOption_ExitsTwoBeforeConnecting(string option, string value)
    {
        // Arrange
        using var host = Host();

        // Act
        var result = await host.RunAsync("bench", option, value);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2), host.ErrorText + result.Output);
            Assert.That(host.Peers.Connected, Is.Empty);
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Bench_Help_ListsTheOptions()
    {
        // Arrange
        using var host = Host();

        // Act
        var result = await host.RunAsync("bench", "--help");

        // Assert
        Assert.That(result.Output, Does.Contain("--workload").And.Contain("--levels").And.Contain("--duration").And.Contain("--warmup")
            .And.Contain("--compare").And.Contain("--setup").And.Contain("--json-out"));
    }

    private CliHost Host(Func<FakeProposal, FakeOutcome>? handler = null)
    {
        var host = new CliHost(_network);
        host.Variables["FABFIN_STATE_DIR"] = Path.Combine(_network.Root, "network");
        host.Gateway.Handler = handler ?? (_ => FakeOutcome.Ok(Samples.Bill()));
        return host;
    }
}
