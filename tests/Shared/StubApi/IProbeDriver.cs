using System.Text.Json.Nodes;

namespace FabricFinance.Tests.StubApi;

/// <summary>
/// Runs the probe chaincode's transactions somewhere: on real Fabric through the .NET client, or on the
/// in-memory ledger. The scenarios in <see cref="StubApiScenarios"/> are written once against this and
/// must give the same results on both.
/// </summary>
public interface IProbeDriver
{
    /// <summary>Gets the channel name.</summary>
    string ChannelName { get; }

    /// <summary>Evaluates a transaction (nothing is committed).</summary>
    Task<ProbeOutcome> EvaluateAsync(string chaincode, string transaction, IReadOnlyList<string> args, ProbeCall? caller, CancellationToken cancellationToken);

    /// <summary>Endorses, submits and waits for the commit of a transaction.</summary>
    Task<ProbeOutcome> SubmitAsync(string chaincode, string transaction, IReadOnlyList<string> args, ProbeCall? caller, CancellationToken cancellationToken);

    /// <summary>Endorses a transaction without submitting it: its simulation is done and fixed.</summary>
    Task<IProbeEndorsement> EndorseAsync(string chaincode, string transaction, IReadOnlyList<string> args, ProbeCall? caller, CancellationToken cancellationToken);
}

/// <summary>An endorsed transaction waiting to be submitted.</summary>
public interface IProbeEndorsement
{
    string TransactionId { get; }

    JsonNode Result { get; }

    /// <summary>Submits it and waits for its commit.</summary>
    Task<ProbeOutcome> SubmitAsync(CancellationToken cancellationToken);
}

/// <summary>Who calls and who endorses.</summary>
public sealed class ProbeCall
{
    /// <summary>Gets or sets the MSP id of the calling client (User1 of that organization, at its own peer's gateway).</summary>
    public string Client { get; set; } = StubApiScenarios.Exchange;

    /// <summary>Gets the organizations that must endorse (or evaluate); empty lets the gateway choose.</summary>
    public List<string> Endorsers { get; } = [];

    /// <summary>Gets the transient data.</summary>
    public Dictionary<string, string> Transient { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets or sets a value indicating whether a submit waits for and reports the transaction's chaincode event.</summary>
    public bool CaptureEvent { get; set; }
}

/// <summary>
/// What a transaction produced: its answer, or the endorsement error (the chaincode's message); for a
/// submit, the validation code (Fabric's number) and, when asked for, the chaincode event.
/// </summary>
public sealed record ProbeOutcome(string TransactionId, JsonNode? Result, string? Error, int? ValidationCode, string? EventName = null, string? EventPayload = null)
{
    /// <summary>Gets the block a submitted transaction committed in.</summary>
    public ulong BlockNumber { get; init; }

    public JsonNode Json => Result ?? throw new InvalidOperationException($"Transaction {TransactionId} failed: {Error}");
}
