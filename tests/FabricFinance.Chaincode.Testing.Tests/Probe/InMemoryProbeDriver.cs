using System.Text;
using System.Text.Json.Nodes;
using FabricFinance.IntegrationTests.Chaincode;
using FabricFinance.Tests.StubApi;

namespace FabricFinance.Chaincode.Testing.Tests.Probe;

/// <summary>
/// Runs the probe on an in-memory ledger set up like the test network: channel <c>fabfin</c>, the probe
/// deployed as <c>probe</c> and <c>probe2</c> with the collections of its collections.json and the
/// channel's default MAJORITY endorsement policy; clients are User1 of each organization, and a submit
/// without named endorsers is endorsed by both organizations, as the gateway does for MAJORITY.
/// </summary>
public sealed class InMemoryProbeDriver : IProbeDriver
{
    private static readonly Dictionary<string, TestIdentity> Users = new(StringComparer.Ordinal)
    {
        [StubApiScenarios.Exchange] = TestIdentity.Create(StubApiScenarios.Exchange, "User1@exchange.example.com"),
        [StubApiScenarios.BankA] = TestIdentity.Create(StubApiScenarios.BankA, "User1@banka.example.com"),
    };

    public InMemoryProbeDriver()
    {
        Ledger = new InMemoryLedger(new InMemoryLedgerOptions { ChannelId = "fabfin" });
        Ledger.Deploy(StubApiScenarios.Probe, new ProbeChaincode(), Definition());
        Ledger.Deploy(StubApiScenarios.OtherProbe, new ProbeChaincode(), Definition());
    }

    public InMemoryLedger Ledger { get; }

    public string ChannelName => Ledger.ChannelId;

    public async Task<ProbeOutcome> EvaluateAsync(string chaincode, string transaction, IReadOnlyList<string> args, ProbeCall? caller, CancellationToken cancellationToken)
    {
        var call = caller ?? new ProbeCall();
        var result = await Ledger.EvaluateAsync(chaincode, Users[call.Client], transaction, args, Options(call, submit: false), cancellationToken);
        return Outcome(result.TransactionId, result.Response, null);
    }

    public async Task<ProbeOutcome> SubmitAsync(string chaincode, string transaction, IReadOnlyList<string> args, ProbeCall? caller, CancellationToken cancellationToken)
    {
        var call = caller ?? new ProbeCall();
        var result = await Ledger.SubmitAsync(chaincode, Users[call.Client], transaction, args, Options(call, submit: true), cancellationToken);
        var outcome = Outcome(result.TransactionId, result.Response, result.Commit);
        return call.CaptureEvent && result.Event is { } e && result.Commit is { IsValid: true }
            ? outcome with { EventName = e.Name, EventPayload = e.PayloadText }
            : outcome;
    }

    public async Task<IProbeEndorsement> EndorseAsync(string chaincode, string transaction, IReadOnlyList<string> args, ProbeCall? caller, CancellationToken cancellationToken)
    {
        var call = caller ?? new ProbeCall();
        var pending = Ledger.NewTransaction(chaincode, Users[call.Client], transaction, args, Options(call, submit: true));
        var response = await pending.InvokeAsync(cancellationToken);
        if (!response.IsSuccess)
        {
            throw new InvalidOperationException($"Endorsement of {transaction} failed: {response.Message}");
        }

        return new Endorsement(Ledger, pending, JsonNode.Parse(response.Payload.Span)!);
    }

    private static ChaincodeDeployment Definition()
    {
        var deployment = new ChaincodeDeployment { EndorsementPolicy = SignaturePolicies.Majority(StubApiScenarios.Exchange, StubApiScenarios.BankA) };
        deployment.Collections.Add(new CollectionDefinition(StubApiScenarios.SharedCollection, StubApiScenarios.Exchange, StubApiScenarios.BankA) { MemberOnlyRead = true, MemberOnlyWrite = true });
        deployment.Collections.Add(new CollectionDefinition(StubApiScenarios.ExchangeOnlyCollection, StubApiScenarios.Exchange)
        {
            MemberOnlyRead = true,
            MemberOnlyWrite = true,
            EndorsementPolicy = SignaturePolicies.AnyOf(StubApiScenarios.Exchange),
        });
        return deployment;
    }

    /// <summary>
    /// Where the gateway would run the transaction: at the named organizations' peers, else at the client's
    /// own peer; a submit without named endorsers is endorsed by both organizations (MAJORITY of two).
    /// </summary>
    private static TransactionOptions Options(ProbeCall call, bool submit)
    {
        var options = new TransactionOptions { PeerOrganization = call.Endorsers.FirstOrDefault() ?? call.Client };
        foreach (var (key, value) in call.Transient)
        {
            options.TransientData[key] = Encoding.UTF8.GetBytes(value);
        }

        if (submit)
        {
            foreach (var org in call.Endorsers.Count > 0 ? call.Endorsers : [StubApiScenarios.Exchange, StubApiScenarios.BankA])
            {
                options.EndorsingOrganizations.Add(org);
            }
        }

        return options;
    }

    private static ProbeOutcome Outcome(string transactionId, ChaincodeResponse response, CommitResult? commit) =>
        response.IsSuccess
            ? new ProbeOutcome(transactionId, JsonNode.Parse(response.Payload.Span), null, commit is null ? null : (int)commit.ValidationCode)
            : new ProbeOutcome(transactionId, null, response.Message, null);

    private sealed class Endorsement(InMemoryLedger ledger, LedgerTransaction transaction, JsonNode result) : IProbeEndorsement
    {
        public string TransactionId => transaction.TransactionId;

        public JsonNode Result => result;

        public Task<ProbeOutcome> SubmitAsync(CancellationToken cancellationToken)
        {
            var commit = ledger.Commit(transaction);
            return Task.FromResult(new ProbeOutcome(transaction.TransactionId, result, null, (int)commit.ValidationCode));
        }
    }
}
