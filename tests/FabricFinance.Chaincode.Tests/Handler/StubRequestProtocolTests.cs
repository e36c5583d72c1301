using System.Text;
using FabricFinance.Chaincode.Tests.Infrastructure;
using Google.Protobuf;
using Hyperledger.Fabric.Protos.Peer;
using MessageType = Hyperledger.Fabric.Protos.Peer.ChaincodeMessage.Types.Type;

namespace FabricFinance.Chaincode.Tests.Handler;

/// <summary>
/// Every stub call that is one request and one answer, as the peer sees it: the message type, the
/// decoded request payload, what the chaincode gets from the answer, and what happens when the peer
/// answers ERROR instead.
/// </summary>
[TestFixture]
[CancelAfter(30_000)]
public sealed class StubRequestProtocolTests
{
    /// <summary>One exchange: the stub call (its result as text), the request it must send, the answer, the result.</summary>
    public sealed record Exchange(
        Func<IChaincodeStub, CancellationToken, Task<string>> Call,
        MessageType Type,
        IMessage Request,
        ByteString Answer,
        string Result);

    private static readonly byte[] Policy = TwoOrgPolicy();

    private static string Show(byte[]? value) => value is null ? "null" : Encoding.UTF8.GetString(value);

    private static async Task<string> Done(Task write)
    {
        await write.ConfigureAwait(false);
        return "done";
    }

    private static async Task<string> ShowResponse(Task<ChaincodeResponse> call)
    {
        var response = await call.ConfigureAwait(false);
        return $"{response.Status}:{response.Message}:{Encoding.UTF8.GetString(response.Payload.Span)}";
    }

    private static ByteString Utf8(string text) => ByteString.CopyFromUtf8(text);

    private static StateMetadata ValidationParameter(byte[] policy) => new() { Metakey = "VALIDATION_PARAMETER", Value = ByteString.CopyFrom(policy) };

    private static ChaincodeSpec Spec(string name, params string[] args)
    {
        var input = new ChaincodeInput();
        input.Args.AddRange(args.Select(Utf8));
        return new ChaincodeSpec { ChaincodeId = new ChaincodeID { Name = name }, Input = input };
    }

    public static IEnumerable<TestCaseData> Exchanges()
    {
        var composite = CompositeKey.Create("bill", "B-1");
        var metadata = new StateMetadataResult();
        metadata.Entries.Add(new StateMetadata { Metakey = "OTHER", Value = Utf8("x") });
        metadata.Entries.Add(ValidationParameter(Policy));

        yield return Case("GetState_CompositeKey", new((s, ct) => Show(s.GetStateAsync(composite, ct)), MessageType.GetState, new GetState { Key = composite }, Utf8("v"), "v"));
        yield return Case("PutState_CompositeKey", new((s, ct) => Done(s.PutStateAsync(composite, "v"u8.ToArray(), ct)), MessageType.PutState, new PutState { Key = composite, Value = Utf8("v") }, ByteString.Empty, "done"));
        yield return Case("DeleteState", new((s, ct) => Done(s.DeleteStateAsync("k", ct)), MessageType.DelState, new DelState { Key = "k" }, ByteString.Empty, "done"));
        yield return Case("GetPrivateData", new((s, ct) => Show(s.GetPrivateDataAsync("secrets", "k", ct)), MessageType.GetState, new GetState { Key = "k", Collection = "secrets" }, Utf8("pv"), "pv"));
        yield return Case("GetPrivateData_Missing", new((s, ct) => Show(s.GetPrivateDataAsync("secrets", "k", ct)), MessageType.GetState, new GetState { Key = "k", Collection = "secrets" }, ByteString.Empty, "null"));
        yield return Case("GetPrivateDataHash", new((s, ct) => Show(s.GetPrivateDataHashAsync("secrets", "k", ct)), MessageType.GetPrivateDataHash, new GetState { Key = "k", Collection = "secrets" }, Utf8("hash"), "hash"));
        yield return Case("GetPrivateDataHash_Missing", new((s, ct) => Show(s.GetPrivateDataHashAsync("secrets", "k", ct)), MessageType.GetPrivateDataHash, new GetState { Key = "k", Collection = "secrets" }, ByteString.Empty, "null"));
        yield return Case("PutPrivateData", new((s, ct) => Done(s.PutPrivateDataAsync("secrets", "k", "pv"u8.ToArray(), ct)), MessageType.PutState, new PutState { Key = "k", Value = Utf8("pv"), Collection = "secrets" }, ByteString.Empty, "done"));
        yield return Case("DeletePrivateData", new((s, ct) => Done(s.DeletePrivateDataAsync("secrets", "k", ct)), MessageType.DelState, new DelState { Key = "k", Collection = "secrets" }, ByteString.Empty, "done"));
        yield return Case("PurgePrivateData", new((s, ct) => Done(s.PurgePrivateDataAsync("secrets", "k", ct)), MessageType.PurgePrivateData, new PurgePrivateState { Key = "k", Collection = "secrets" }, ByteString.Empty, "done"));
        yield return Case("GetStateValidationParameter", new((s, ct) => Hex(s.GetStateValidationParameterAsync("k", ct)), MessageType.GetStateMetadata, new GetStateMetadata { Key = "k" }, metadata.ToByteString(), Convert.ToHexString(Policy)));
        yield return Case("GetStateValidationParameter_None", new((s, ct) => Hex(s.GetStateValidationParameterAsync("k", ct)), MessageType.GetStateMetadata, new GetStateMetadata { Key = "k" }, new StateMetadataResult().ToByteString(), "null"));
        yield return Case("SetStateValidationParameter", new((s, ct) => Done(s.SetStateValidationParameterAsync("k", Policy, ct)), MessageType.PutStateMetadata, new PutStateMetadata { Key = "k", Metadata = ValidationParameter(Policy) }, ByteString.Empty, "done"));
        yield return Case("GetPrivateDataValidationParameter", new((s, ct) => Hex(s.GetPrivateDataValidationParameterAsync("secrets", "k", ct)), MessageType.GetStateMetadata, new GetStateMetadata { Key = "k", Collection = "secrets" }, metadata.ToByteString(), Convert.ToHexString(Policy)));
        yield return Case("SetPrivateDataValidationParameter", new((s, ct) => Done(s.SetPrivateDataValidationParameterAsync("secrets", "k", Policy, ct)), MessageType.PutStateMetadata, new PutStateMetadata { Key = "k", Collection = "secrets", Metadata = ValidationParameter(Policy) }, ByteString.Empty, "done"));
        yield return Case("InvokeChaincode_SameChannel", new((s, ct) => ShowResponse(s.InvokeChaincodeAsync("other", new[] { "Ping", "x" }, cancellationToken: ct)), MessageType.InvokeChaincode, Spec("other", "Ping", "x"), Messages.CalledChaincodeCompleted(200, string.Empty, "pong").ToByteString(), "200::pong"));
        yield return Case("InvokeChaincode_OtherChannel", new((s, ct) => ShowResponse(s.InvokeChaincodeAsync("other", new ReadOnlyMemory<byte>[] { "Ping"u8.ToArray() }, "ch2", ct)), MessageType.InvokeChaincode, Spec("other/ch2", "Ping"), Messages.CalledChaincodeCompleted(200, string.Empty, "pong").ToByteString(), "200::pong"));
        yield return Case("InvokeChaincode_CalledChaincodeFailed", new((s, ct) => ShowResponse(s.InvokeChaincodeAsync("other", new[] { "Ping" }, cancellationToken: ct)), MessageType.InvokeChaincode, Spec("other", "Ping"), Messages.CalledChaincodeCompleted(404, "no such bill", string.Empty).ToByteString(), "404:no such bill:"));
        yield return Case("InvokeChaincode_CalledChaincodeSentError", new((s, ct) => ShowResponse(s.InvokeChaincodeAsync("other", new[] { "Ping" }, cancellationToken: ct)), MessageType.InvokeChaincode, Spec("other", "Ping"), new ChaincodeMessage { Type = MessageType.Error, Payload = Utf8("boom") }.ToByteString(), "500:boom:"));
    }

    private static async Task<string> Show(Task<byte[]?> read) => Show(await read.ConfigureAwait(false));

    private static async Task<string> Hex(Task<byte[]?> read) => await read.ConfigureAwait(false) is { } bytes ? Convert.ToHexString(bytes) : "null";

    private static TestCaseData Case(string name, Exchange exchange) => new TestCaseData(exchange).SetArgDisplayNames(name);

    private static async Task<(ChaincodeMessage Request, ChaincodeMessage Completed)> RunAsync(Exchange exchange, Func<ChaincodeMessage, ChaincodeMessage> answer)
    {
        await using var server = await ChaincodeServerHarness.StartAsync(async (stub, ct) => ChaincodeResponse.Success(await exchange.Call(stub, ct)));
        await using var peer = await server.ConnectAsync();
        await peer.HandshakeAsync();
        await peer.SendAsync(Messages.Transaction("tx1", "Call"));
        var request = await peer.ReceiveAsync(exchange.Type);
        await peer.SendAsync(answer(request));
        var completed = await peer.ReceiveAsync(MessageType.Completed);
        return (request, completed);
    }

    [TestCaseSource(nameof(Exchanges))]
    public async Task Call_PeerAnswers_SendsTheRequestAndReturnsWhatThePeerSaid(Exchange exchange)
    {
        // Act
        var (request, completed) = await RunAsync(exchange, r => Messages.Response(r, exchange.Answer));

        // Assert
        Assert.That((request.ChannelId, request.Txid), Is.EqualTo((Messages.Channel, "tx1")));
        Assert.That(exchange.Request.Descriptor.Parser.ParseFrom(request.Payload), Is.EqualTo(exchange.Request));
        var response = Messages.ReadResponse(completed);
        Assert.That(response.Status, Is.EqualTo(200), response.Message);
        Assert.That(response.Payload.ToStringUtf8(), Is.EqualTo(exchange.Result));
    }

    [TestCaseSource(nameof(Exchanges))]
    public async Task Call_PeerAnswersError_ChaincodeSeesChaincodeExceptionAndFailsWith500(Exchange exchange)
    {
        // Act
        var (_, completed) = await RunAsync(exchange, r => Messages.Error(r, "refused by the peer"));

        // Assert
        var response = Messages.ReadResponse(completed);
        Assert.That(response.Status, Is.EqualTo(500));
        Assert.That(response.Message, Does.Contain("refused by the peer").And.Contain(exchange.Type.ToString()));
    }

    [Test]
    public async Task PurgePrivateData_Payload_IsReadableAsTheDelStateThePeerParses()
    {
        // Arrange
        var purge = Exchanges().Select(d => (Exchange)d.Arguments[0]!).Single(e => e.Type == MessageType.PurgePrivateData);

        // Act
        var (request, _) = await RunAsync(purge, r => Messages.Response(r, ByteString.Empty));

        // Assert: Fabric's peer unmarshals PURGE_PRIVATE_DATA as a DelState.
        Assert.That(DelState.Parser.ParseFrom(request.Payload), Is.EqualTo(new DelState { Key = "k", Collection = "secrets" }));
    }

    [Test]
    public async Task InvokeChaincode_AnswerIsNeitherCompletedNorError_FailsWith500()
    {
        // Arrange
        var invoke = new Exchange((s, ct) => ShowResponse(s.InvokeChaincodeAsync("other", new[] { "Ping" }, cancellationToken: ct)), MessageType.InvokeChaincode, Spec("other", "Ping"), ByteString.Empty, string.Empty);

        // Act
        var (_, completed) = await RunAsync(invoke, r => Messages.Response(r, new ChaincodeMessage { Type = MessageType.Response }.ToByteString()));

        // Assert
        var response = Messages.ReadResponse(completed);
        Assert.That(response.Status, Is.EqualTo(500));
        Assert.That(response.Message, Does.Contain("expected COMPLETED or ERROR"));
    }

    private static byte[] TwoOrgPolicy()
    {
        var policy = new KeyEndorsementPolicy();
        policy.AddOrgs(EndorsementRole.Peer, "BankAMSP", "ExchangeMSP");
        return policy.GetPolicy();
    }
}
