using System.Collections.Concurrent;
using System.Diagnostics;
using FabricFinance.Bills;
using FabricFinance.Bills.Client;
using FabricFinance.Client;
using FabricFinance.Client.Errors;
using FabricFinance.IntegrationTests.Bills;
using FabricFinance.IntegrationTests.Resilience.Audit;
using Google.Protobuf;
using Hyperledger.Fabric.Protos.Common;
using Hyperledger.Fabric.Protos.Gateway;
using PeerProposal = Hyperledger.Fabric.Protos.Peer.Proposal;
using static FabricFinance.IntegrationTests.Bills.Market;

namespace FabricFinance.IntegrationTests.Resilience.Hostile;

/// <summary>
/// Issue 8, part 4b: a thousand hostile invocations of the bill chaincode on real Fabric, as raw
/// calls through the client's <c>Contract</c> by registered parties (most evaluated, some submitted):
/// each is refused with <c>INVALID_ARGUMENT</c>, the refused submits order nothing (the channel height
/// does not move), the chaincode service still answers, and the ledger audit is clean. Also a proposal
/// whose timestamp is no instant, which the peer passes on unchecked.
/// </summary>
[Category("Integration")]
public sealed class HostileNetworkTests
{
    private const int Calls = 1_000;
    private const int Seed = 8_402;
    private const int InFlight = 8;

    private static Market M => ResilienceFixture.Market;

    [Test]
    [CancelAfter(240_000)]
    public async Task Invoke_ThousandHostileCalls_EachRefusedAsInvalidArgumentAndTheLedgerUnchanged(CancellationToken ct)
    {
        // Arrange: an active bill (SupplierA holds), a pending one, and a requested deal.
        var committed = new List<string>();
        async Task Do<T>(Task<Committed<T>> submit) => committed.Add((await Step(submit, ct)).TransactionId);
        var due = new DateOnly(2027, 10, 29);
        M.Clock.SetBusinessDate(new DateOnly(2027, 7, 1));
        var active = NewId("hostile-a");
        var pending = NewId("hostile-p");
        var sold = NewId("hostile-s");
        var deal = NewId("hostile-deal");
        foreach (var id in new[] { active, sold })
        {
            await Do(M.CoreCorp.Bills.IssueBillAsync(new IssueBillRequest(id, BillKind.Bank, "SupplierA", BankAId, 1_000_000, due, Transferable: true), ct));
            await Do(M.BankA.Bills.AcceptBillAsync(id, ct));
        }

        await Do(M.CoreCorp.Bills.IssueBillAsync(new IssueBillRequest(pending, BillKind.Bank, "SupplierA", BankAId, 1_000, due, Transferable: true), ct));
        await Do(M.SupplierA.Bills.RequestDiscountAsync(new DealRequest(deal, sold, BankAId), 300, ct));
        var ledger = M.Regulator.Bills.Network.GetLedger();
        var heightBefore = (await ledger.GetChainInfoAsync(ct)).Height;
        var billBefore = await M.Regulator.Bills.GetBillAsync(active, ct);
        var generator = new NetworkHostileGenerator(Seed, M, active, pending, deal, due);
        var failures = new ConcurrentBag<string>();
        var codes = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var submitted = 0;
        var clock = Stopwatch.StartNew();

        // Act
        await Parallel.ForEachAsync(
            generator.Generate(Calls, submitOneIn: 6),
            new ParallelOptions { MaxDegreeOfParallelism = InFlight, CancellationToken = ct },
            async (call, token) =>
            {
                if (call.Submit)
                {
                    Interlocked.Increment(ref submitted);
                }

                var (code, failure) = await TryAsync(call, token);
                codes.AddOrUpdate(code ?? "(none)", 1, (_, n) => n + 1);
                if (failure is not null)
                {
                    failures.Add($"{call}: {failure}");
                }
            });
        var elapsed = clock.Elapsed;
        var heightAfter = (await ledger.GetChainInfoAsync(ct)).Height;
        var billAfter = await M.Regulator.Bills.GetBillAsync(active, ct);
        var report = await LedgerAudit.RunAsync(M, committed, ct);

        // Assert
        await TestContext.Out.WriteLineAsync(
            $"{Calls} hostile calls ({submitted} submitted) in {elapsed.TotalSeconds:F1} s; answers: {string.Join(", ", codes.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value}"))}; height {heightBefore} -> {heightAfter}");
        Assert.Multiple(() =>
        {
            Assert.That(failures, Is.Empty, () => $"{failures.Count} hostile calls were not refused cleanly:{Environment.NewLine}" + string.Join(Environment.NewLine, failures.Take(40)));
            Assert.That(heightAfter, Is.EqualTo(heightBefore), "refused evaluates and submits order nothing");
            Assert.That(billAfter, Is.EqualTo(billBefore).Using<Bill>(SameJson), "the chaincode service still answers, and the bill is as it was");
        });
        report.AssertClean();
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Evaluate_ProposalWhoseTimestampIsNoInstant_RefusedPromptlyAndTheServiceStillAnswers(CancellationToken ct)
    {
        // Arrange: the peer does not check a proposal's timestamp; before the fix the chaincode threw while
        // reading it and never answered, so the peer waited out its execute timeout.
        var party = FabricNetwork.Profile.Parties["SupplierA"];
        using var connection = FabricNetwork.Connect(party.MspId, party.User, withSigner: false);
        var unsigned = connection.Network.GetContract(BillTransactions.ChaincodeName).NewProposal("ListParties");
        var proposed = ProposedTransaction.Parser.ParseFrom(unsigned.GetBytes());
        var proposal = PeerProposal.Parser.ParseFrom(proposed.Proposal.ProposalBytes);
        var header = Header.Parser.ParseFrom(proposal.Header);
        var channelHeader = ChannelHeader.Parser.ParseFrom(header.ChannelHeader);
        channelHeader.Timestamp = new Google.Protobuf.WellKnownTypes.Timestamp { Seconds = long.MaxValue };
        header.ChannelHeader = channelHeader.ToByteString();
        proposal.Header = header.ToByteString();
        proposed.Proposal.ProposalBytes = proposal.ToByteString();
        var digest = System.Security.Cryptography.SHA256.HashData(proposed.Proposal.ProposalBytes.Span);
        var signed = connection.Gateway.NewSignedProposal(proposed.ToByteArray(), await connection.Signer.SignAsync(digest, ct));
        var clock = Stopwatch.StartNew();

        // Act
        var refusal = Assert.CatchAsync<GatewayException>(() => signed.EvaluateAsync(ct));
        var elapsed = clock.Elapsed;
        var parties = await M.SupplierB.Bills.ListPartiesAsync(ct);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), "answered at once, not after the peer's execute timeout");
            Assert.That(string.Join(" | ", refusal!.Details.Select(d => d.Message).Append(refusal.Message)), Does.Contain("malformed"));
            Assert.That(parties, Is.Not.Empty, "the service still answers");
        });
    }

    /// <summary>Runs a call; the code it was refused with, and what is wrong, if anything.</summary>
    private static async Task<(string? Code, string? Failure)> TryAsync(NetworkHostileCall call, CancellationToken cancellationToken)
    {
        var options = new ProposalOptions();
        foreach (var argument in call.Arguments)
        {
            options.Arguments.Add(argument);
        }

        foreach (var (key, value) in call.Transient)
        {
            options.TransientData[key] = value;
        }

        try
        {
            var contract = call.Member.Bills.Contract;
            _ = call.Submit
                ? await contract.SubmitAsync(call.Function, options, cancellationToken)
                : await contract.EvaluateAsync(call.Function, options, cancellationToken);
            return (null, "succeeded");
        }
        catch (GatewayException ex)
        {
            var messages = ex.Details.Select(d => d.Message).Append(ex.Message).ToList();
            foreach (var message in messages)
            {
                if (BillErrorCodes.TryParse(message, out var code, out _))
                {
                    var text = code.ToString();
                    return (text, code == BillErrorCode.InvalidArgument ? null : $"refused as {text}, not INVALID_ARGUMENT: {Cut(message)}");
                }
            }

            return ("(uncoded)", $"{ex.GetType().Name} without a code: {Cut(string.Join(" | ", messages))}");
        }
    }

    private static bool SameJson(Bill a, Bill b) =>
        BillJson.SerializeToUtf8Bytes(a).AsSpan().SequenceEqual(BillJson.SerializeToUtf8Bytes(b));

    private static string Cut(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
