using FabricFinance.Client;

namespace FabricFinance.Monitor.Tests.Infrastructure;

/// <summary>What a synthetic endorser transaction holds.</summary>
internal sealed record SyntheticTransaction(
    string TransactionId,
    TestIdentity Creator,
    DateTimeOffset Timestamp,
    string Function,
    IReadOnlyList<(string Key, byte[]? Value)> Writes,
    string? EventName = null,
    byte[]? EventPayload = null,
    TransactionValidationCode Code = TransactionValidationCode.Valid,
    string Chaincode = "bills",
    IReadOnlyList<(string Collection, string Key, byte[]? Value)>? PrivateWrites = null,
    IReadOnlyList<string>? Arguments = null);
