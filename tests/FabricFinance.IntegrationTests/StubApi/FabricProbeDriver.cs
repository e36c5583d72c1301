using System.Text;
using System.Text.Json.Nodes;
using FabricFinance.Client;
using FabricFinance.Client.Errors;
using FabricFinance.IntegrationTests.Infrastructure;
using FabricFinance.Tests.StubApi;

namespace FabricFinance.IntegrationTests.StubApi;

/// <summary>
/// Runs the probe on the real network through the .NET client: User1 of each organization at its own
/// peer's gateway; named endorsers become <see cref="ProposalOptions.EndorsingOrganizations"/>.
/// </summary>
public sealed class FabricProbeDriver : IProbeDriver, IDisposable
{
    private readonly Dictionary<string, GatewayConnection> _connections = new(StringComparer.Ordinal);

    public FabricProbeDriver()
    {
        _connections[StubApiScenarios.Exchange] = FabricNetwork.Connect(FabricNetwork.Exchange);
        _connections[StubApiScenarios.BankA] = FabricNetwork.Connect(FabricNetwork.BankA);
    }

    public string ChannelName => FabricNetwork.Profile.Channel;

    public async Task<ProbeOutcome> EvaluateAsync(string chaincode, string transaction, IReadOnlyList<string> args, ProbeCall? caller, CancellationToken cancellationToken)
    {
        var call = caller ?? new ProbeCall();
        var proposal = Contract(call, chaincode).NewProposal(transaction, Options(call, args));
        try
        {
            var result = await proposal.EvaluateAsync(cancellationToken);
            return new ProbeOutcome(proposal.TransactionId, JsonNode.Parse(result), null, null);
        }
        catch (GatewayException ex)
        {
            return new ProbeOutcome(proposal.TransactionId, null, Describe(ex), null);
        }
    }

    public async Task<ProbeOutcome> SubmitAsync(string chaincode, string transaction, IReadOnlyList<string> args, ProbeCall? caller, CancellationToken cancellationToken)
    {
        var call = caller ?? new ProbeCall();
        var proposal = Contract(call, chaincode).NewProposal(transaction, Options(call, args));
        Transaction endorsed;
        try
        {
            endorsed = await proposal.EndorseAsync(cancellationToken);
        }
        catch (EndorseException ex)
        {
            return new ProbeOutcome(proposal.TransactionId, null, Describe(ex), null);
        }

        var outcome = await CommitAsync(endorsed, cancellationToken);
        if (!call.CaptureEvent || outcome.ValidationCode != StubApiScenarios.Valid)
        {
            return outcome;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        var network = _connections[call.Client].Network;
        await foreach (var e in network.GetChaincodeEventsAsync(chaincode, new ChaincodeEventsOptions { StartBlock = outcome.BlockNumber }, timeout.Token))
        {
            if (e.TransactionId == endorsed.TransactionId)
            {
                return outcome with { EventName = e.EventName, EventPayload = Encoding.UTF8.GetString(e.Payload.Span) };
            }
        }

        return outcome;
    }

    public async Task<IProbeEndorsement> EndorseAsync(string chaincode, string transaction, IReadOnlyList<string> args, ProbeCall? caller, CancellationToken cancellationToken)
    {
        var call = caller ?? new ProbeCall();
        var endorsed = await Contract(call, chaincode).NewProposal(transaction, Options(call, args)).EndorseAsync(cancellationToken);
        return new Endorsement(endorsed, JsonNode.Parse(endorsed.Result.Span)!);
    }

    public void Dispose()
    {
        foreach (var connection in _connections.Values)
        {
            connection.Dispose();
        }
    }

    private static async Task<ProbeOutcome> CommitAsync(Transaction endorsed, CancellationToken cancellationToken)
    {
        var submitted = await endorsed.SubmitAsync(cancellationToken);
        var status = await submitted.GetStatusAsync(cancellationToken);
        return new ProbeOutcome(endorsed.TransactionId, JsonNode.Parse(endorsed.Result.Span), null, (int)status.Code) { BlockNumber = status.BlockNumber };
    }

    private static string Describe(GatewayException exception) =>
        exception.Message + (exception.Details.Count > 0 ? " | " + string.Join(" | ", exception.Details.Select(d => d.ToString())) : string.Empty);

    private static ProposalOptions Options(ProbeCall call, IReadOnlyList<string> args)
    {
        var options = new ProposalOptions().AddArguments([.. args]);
        foreach (var (key, value) in call.Transient)
        {
            options.TransientData[key] = Encoding.UTF8.GetBytes(value);
        }

        foreach (var org in call.Endorsers)
        {
            options.EndorsingOrganizations.Add(org);
        }

        return options;
    }

    private Contract Contract(ProbeCall call, string chaincode) => _connections[call.Client].Network.GetContract(chaincode);

    private sealed class Endorsement(Transaction endorsed, JsonNode result) : IProbeEndorsement
    {
        public string TransactionId => endorsed.TransactionId;

        public JsonNode Result => result;

        public Task<ProbeOutcome> SubmitAsync(CancellationToken cancellationToken) => CommitAsync(endorsed, cancellationToken);
    }
}
