using System.Text;
using Grpc.Core;
using Hyperledger.Fabric.Protos.Peer;

namespace FabricFinance.Bills.Client.Tests.Infrastructure;

/// <summary>
/// How the fake gateway answers one proposal: a result (and, for a submit, how it commits), a chaincode refusal, or a
/// gRPC failure.
/// </summary>
internal sealed record FakeOutcome(byte[]? Payload, string? ChaincodeError, RpcException? Failure)
{
    public TxValidationCode CommitCode { get; init; } = TxValidationCode.Valid;

    public ulong BlockNumber { get; init; } = 7;

    public static FakeOutcome Ok<T>(T record) => new(BillJson.SerializeToUtf8Bytes(record), null, null);

    public static FakeOutcome Json(string json) => new(Encoding.UTF8.GetBytes(json), null, null);

    /// <summary>The contract refuses: <c>CODE: sentence</c>, as the chaincode's error message.</summary>
    public static FakeOutcome Refuse(BillErrorCode code, string sentence) => new(null, BillErrorCodes.Format(code, sentence), null);

    public static FakeOutcome Fail(RpcException failure) => new(null, null, failure);
}
