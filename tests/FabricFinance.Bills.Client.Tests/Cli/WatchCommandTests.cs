using System.Text.Json;
using FabricFinance.Bills.Client.Tests.Infrastructure;

namespace FabricFinance.Bills.Client.Tests.Cli;

/// <summary>fabfin watch prints one line per event, as text or JSON, from the block asked for.</summary>
public sealed class WatchCommandTests
{
    [Test]
    [CancelAfter(10_000)]
    public async Task Watch_FromBlock_PrintsOneLinePerEvent()
    {
        // Arrange
        using var host = new CliHost(CliNetwork.Sample);
        host.Gateway.AddEvents(4, ("tx-issue-000001", BillEvents.BillIssued, Samples.Bill(status: BillStatus.PendingAcceptance, holder: "CoreCorp")));
        host.Gateway.AddEvents(5, ("tx-deal-0000001", BillEvents.DealRequested, Samples.Deal()), ("tx-party-000001", BillEvents.PartyStatusChanged, Samples.Party(status: PartyStatus.Suspended)));

        // Act
        var result = await host.RunAsync("watch", "--as", "Regulator", "--from-block", "4");

        // Assert
        var lines = result.Output.Split('\n');
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero, host.ErrorText);
            Assert.That(lines, Has.Length.EqualTo(3));
            Assert.That(lines[0], Does.Contain("block 4").And.Contain("BillIssued").And.Contain("bill B1 PendingAcceptance").And.Contain("holder CoreCorp"));
            Assert.That(lines[1], Does.Contain("block 5").And.Contain("DealRequested").And.Contain("SupplierA -> BankA"));
            Assert.That(lines[2], Does.Contain("PartyStatusChanged").And.Contain("suspended"));
            Assert.That(host.Gateway.EventRequests.Single().StartPosition.Specified.Number, Is.EqualTo(4UL));
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Watch_Json_PrintsOneJsonObjectPerLine()
    {
        // Arrange
        using var host = new CliHost(CliNetwork.Sample);
        var bill = Samples.Bill();
        host.Gateway.AddEvents(9, ("tx-accept", BillEvents.BillAccepted, bill));

        // Act
        var result = await host.RunAsync("watch", "--as", "BankA", "--from-block", "0", "--json");

        // Assert
        using var line = JsonDocument.Parse(result.Output);
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero, host.ErrorText);
            Assert.That(line.RootElement.GetProperty("event").GetString(), Is.EqualTo("BillAccepted"));
            Assert.That(line.RootElement.GetProperty("blockNumber").GetUInt64(), Is.EqualTo(9UL));
            Assert.That(line.RootElement.GetProperty("transactionId").GetString(), Is.EqualTo("tx-accept"));
            Assert.That(line.RootElement.GetProperty("payload").GetRawText(), Is.EqualTo(ContractJson.Serialize(bill)));
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Watch_Bill_PrintsOnlyThatBillsEvents()
    {
        // Arrange
        using var host = new CliHost(CliNetwork.Sample);
        host.Gateway.AddEvents(
            2,
            ("t1", BillEvents.BillIssued, Samples.Bill("B1")),
            ("t2", BillEvents.BillIssued, Samples.Bill("B2")),
            ("t3", BillEvents.BillEndorsed, Samples.Bill("B1.1")));

        // Act
        var result = await host.RunAsync("watch", "--as", "BankA", "--from-block", "0", "--bill", "B1");

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(result.Output.Split('\n'), Has.Length.EqualTo(2));
            Assert.That(result.Output, Does.Not.Contain("bill B2"));
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Watch_CtrlC_StopsQuietlyWithExitZero()
    {
        // Arrange: a live stream that stays open after its one event.
        using var host = new CliHost(CliNetwork.Sample);
        host.Gateway.HoldEventsOpen = true;
        host.Gateway.AddEvents(3, ("t1", BillEvents.BillIssued, Samples.Bill()));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        // Act
        var result = await host.RunAsync(["watch", "--as", "BankA", "--from-block", "0"], cancellation.Token);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero, host.ErrorText);
            Assert.That(result.Output, Does.Contain("BillIssued"));
            Assert.That(host.ErrorText, Does.Not.Contain("INTERRUPTED"));
        });
    }
}
