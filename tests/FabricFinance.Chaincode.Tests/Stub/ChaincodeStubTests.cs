using System.Security.Cryptography;
using FabricFinance.Chaincode.Handler;
using FabricFinance.Chaincode.Identity;
using FabricFinance.Chaincode.Stub;
using FabricFinance.Chaincode.Tests.Infrastructure;
using Google.Protobuf;
using Hyperledger.Fabric.Protos.Peer;

namespace FabricFinance.Chaincode.Tests.Stub;

[TestFixture]
public sealed class ChaincodeStubTests
{
    /// <summary>Answers every request with an empty payload and records what was asked.</summary>
    private sealed class NoPeer : IPeerCalls
    {
        public List<(ChaincodeMessage.Types.Type Type, IMessage Request)> Requests { get; } = [];

        public int Calls => Requests.Count;

        public Task<ByteString> CallAsync(ChaincodeMessage.Types.Type type, IMessage request, CancellationToken cancellationToken)
        {
            Requests.Add((type, request));
            return Task.FromResult(ByteString.Empty);
        }
    }

    private static ChaincodeStub Create(NoPeer peer, ChaincodeMessage message, PeerCapabilities? capabilities = null) =>
        ChaincodeStub.Create(peer, new TransactionKey(message.ChannelId, message.Txid), message, capabilities);

    [Test]
    public void Create_SignedProposal_ExposesArgumentsCreatorTimestampAndTransient()
    {
        // Arrange
        var message = Messages.Transaction("tx1", Messages.Channel, new Dictionary<string, string> { ["terms"] = "{\"rateBps\":250}" }, "Transfer", "a1", "Bob");

        // Act
        var stub = Create(new NoPeer(), message);

        // Assert
        Assert.That(stub.FunctionName, Is.EqualTo("Transfer"));
        Assert.That(stub.Parameters, Is.EqualTo(new[] { "a1", "Bob" }));
        Assert.That(stub.Arguments, Has.Count.EqualTo(3));
        Assert.That(stub.CreatorMspId, Is.EqualTo(Messages.CreatorMsp));
        Assert.That(stub.Creator.ToArray(), Is.EqualTo(Messages.Creator.ToByteArray()));
        Assert.That(stub.TransactionTimestamp, Is.EqualTo(Messages.Timestamp));
        Assert.That(System.Text.Encoding.UTF8.GetString(stub.TransientData["terms"].Span), Is.EqualTo("{\"rateBps\":250}"));
        Assert.That((stub.ChannelId, stub.TransactionId), Is.EqualTo((Messages.Channel, "tx1")));
        Assert.That(stub.SignedProposal.ToArray(), Is.EqualTo(message.Proposal.ToByteArray()));
    }

    [Test]
    public void Create_SignedProposal_BindingIsSha256OfNonceCreatorAndLittleEndianEpoch()
    {
        // Arrange
        var message = Messages.Transaction("tx1", "Anything");
        var expected = SHA256.HashData([.. Messages.Nonce.ToByteArray(), .. Messages.Creator.ToByteArray(), 0, 0, 0, 0, 0, 0, 0, 0]);

        // Act
        var stub = Create(new NoPeer(), message);

        // Assert
        Assert.That(stub.Binding.ToArray(), Is.EqualTo(expected));
    }

    [Test]
    public void Create_NoArguments_HasEmptyFunctionName()
    {
        // Arrange
        var message = Messages.Transaction("tx1");

        // Act
        var stub = Create(new NoPeer(), message);

        // Assert
        Assert.That(stub.FunctionName, Is.Empty);
        Assert.That(stub.Parameters, Is.Empty);
    }

    // Attribute arguments are stored as UTF-8, which cannot carry a lone surrogate: build that key in code.
    private static readonly object[] InvalidKeys = ["", "bad" + (char)0xD800 + "surrogate"];

    [TestCaseSource(nameof(InvalidKeys))]
    public void PutStateAsync_InvalidKey_ThrowsArgumentExceptionWithoutCallingThePeer(string key)
    {
        // Arrange
        var peer = new NoPeer();
        var stub = Create(peer, Messages.Transaction("tx1", "Put"));

        // Act & Assert
        Assert.ThrowsAsync(Is.InstanceOf<ArgumentException>(), () => stub.PutStateAsync(key, new byte[] { 1 }));
        Assert.That(peer.Calls, Is.Zero);
    }

    [Test]
    public void PutStateAsync_EmptyValue_ThrowsPointingAtDelete()
    {
        // Arrange
        var peer = new NoPeer();
        var stub = Create(peer, Messages.Transaction("tx1", "Put"));

        // Act
        var error = Assert.ThrowsAsync<ArgumentException>(() => stub.PutStateAsync("k", ReadOnlyMemory<byte>.Empty));

        // Assert
        Assert.That(error!.Message, Does.Contain("DeleteStateAsync"));
        Assert.That(peer.Calls, Is.Zero);
    }

    [Test]
    public async Task GetStateAsync_EmptyAnswer_ReturnsNull()
    {
        // Arrange
        var stub = Create(new NoPeer(), Messages.Transaction("tx1", "Get"));

        // Act
        var value = await stub.GetStateAsync("missing");

        // Assert
        Assert.That(value, Is.Null);
    }

    [Test]
    public void SetEvent_CalledTwice_LastOneWins()
    {
        // Arrange
        var stub = Create(new NoPeer(), Messages.Transaction("tx1", "Evt"));

        // Act
        stub.SetEvent("First", new byte[] { 1 });
        stub.SetEvent("Second", new byte[] { 2 });
        var evt = stub.BuildEvent();

        // Assert
        Assert.That(evt!.EventName, Is.EqualTo("Second"));
        Assert.That(evt.Payload.ToByteArray(), Is.EqualTo(new byte[] { 2 }));
    }

    [Test]
    public async Task PutStateAsync_CompositeKey_IsWrittenLikeAnyKey()
    {
        // Arrange: composite keys start with U+0000 and are written with PutState, as in every Fabric shim.
        var peer = new NoPeer();
        var stub = Create(peer, Messages.Transaction("tx1", "Put"));
        var key = CompositeKey.Create("bill", "B-1");

        // Act
        await stub.PutStateAsync(key, new byte[] { 1 });

        // Assert
        Assert.That(peer.Requests.Single().Type, Is.EqualTo(ChaincodeMessage.Types.Type.PutState));
        Assert.That(((PutState)peer.Requests.Single().Request).Key, Is.EqualTo(key));
    }

    [TestCase("\0x", "", TestName = "GetStateByRangeAsync_StartInCompositeNamespace_ThrowsArgumentException")]
    [TestCase("a", "\0z", TestName = "GetStateByRangeAsync_EndInCompositeNamespace_ThrowsArgumentException")]
    public void GetStateByRangeAsync_KeyStartingWithU0000_ThrowsBeforeEnumerating(string startKey, string endKey)
    {
        // Arrange
        var peer = new NoPeer();
        var stub = Create(peer, Messages.Transaction("tx1", "Range"));

        // Act & Assert: the check is eager, not deferred to the first MoveNextAsync.
        Assert.That(() => stub.GetStateByRangeAsync(startKey, endKey), Throws.ArgumentException.With.Message.Contains("U+0000"));
        Assert.That(() => stub.GetPrivateDataByRangeAsync("c", startKey, endKey), Throws.ArgumentException.With.Message.Contains("U+0000"));
        Assert.That(peer.Calls, Is.Zero);
    }

    private static IEnumerable<TestCaseData> CallsWithEmptyCollection()
    {
        var value = new byte[] { 1 };
        yield return Case("GetPrivateDataAsync", s => s.GetPrivateDataAsync(string.Empty, "k"));
        yield return Case("GetMultiplePrivateDataAsync", s => s.GetMultiplePrivateDataAsync(string.Empty, ["k"]));
        yield return Case("GetPrivateDataHashAsync", s => s.GetPrivateDataHashAsync(string.Empty, "k"));
        yield return Case("PutPrivateDataAsync", s => s.PutPrivateDataAsync(string.Empty, "k", value));
        yield return Case("DeletePrivateDataAsync", s => s.DeletePrivateDataAsync(string.Empty, "k"));
        yield return Case("PurgePrivateDataAsync", s => s.PurgePrivateDataAsync(string.Empty, "k"));
        yield return Case("GetPrivateDataValidationParameterAsync", s => s.GetPrivateDataValidationParameterAsync(string.Empty, "k"));
        yield return Case("SetPrivateDataValidationParameterAsync", s => s.SetPrivateDataValidationParameterAsync(string.Empty, "k", value));
        yield return Case("GetPrivateDataByRangeAsync", s => { _ = s.GetPrivateDataByRangeAsync(string.Empty, "a", "b"); return Task.CompletedTask; });
        yield return Case("GetPrivateDataByPartialCompositeKeyAsync", s => { _ = s.GetPrivateDataByPartialCompositeKeyAsync(string.Empty, "t", []); return Task.CompletedTask; });
        yield return Case("GetPrivateDataQueryResultAsync", s => { _ = s.GetPrivateDataQueryResultAsync(string.Empty, "{}"); return Task.CompletedTask; });

        static TestCaseData Case(string name, Func<IChaincodeStub, Task> call) => new TestCaseData(call).SetArgDisplayNames(name);
    }

    [TestCaseSource(nameof(CallsWithEmptyCollection))]
    public void PrivateDataCall_EmptyCollection_ThrowsArgumentExceptionWithoutCallingThePeer(Func<IChaincodeStub, Task> call)
    {
        // Arrange
        var peer = new NoPeer();
        var stub = Create(peer, Messages.Transaction("tx1", "Private"));

        // Act & Assert
        Assert.That(() => call(stub), Throws.InstanceOf<ArgumentException>().With.Property("ParamName").EqualTo("collection"));
        Assert.That(peer.Calls, Is.Zero);
    }

    private static IEnumerable<TestCaseData> PagedCallsWithBadPaging()
    {
        yield return Case("Range_ZeroPageSize", s => s.GetStateByRangeWithPaginationAsync("a", "b", 0, string.Empty), typeof(ArgumentOutOfRangeException));
        yield return Case("Composite_NegativePageSize", s => s.GetStateByPartialCompositeKeyWithPaginationAsync("t", [], -1, string.Empty), typeof(ArgumentOutOfRangeException));
        yield return Case("Query_NullBookmark", s => s.GetQueryResultWithPaginationAsync("{}", 10, null!), typeof(ArgumentNullException));
        yield return Case("Query_EmptyQuery", s => s.GetQueryResultWithPaginationAsync(string.Empty, 10, string.Empty), typeof(ArgumentException));

        static TestCaseData Case(string name, Func<IChaincodeStub, Task> call, Type exception) => new TestCaseData(call, exception).SetArgDisplayNames(name);
    }

    [TestCaseSource(nameof(PagedCallsWithBadPaging))]
    public void PaginatedQuery_BadArguments_ThrowWithoutCallingThePeer(Func<IChaincodeStub, Task> call, Type exception)
    {
        // Arrange
        var peer = new NoPeer();
        var stub = Create(peer, Messages.Transaction("tx1", "Paged"));

        // Act & Assert
        Assert.That(() => call(stub), Throws.TypeOf(exception));
        Assert.That(peer.Calls, Is.Zero);
    }

    [Test]
    public async Task GetMultipleStatesAsync_NoKeys_ReturnsEmptyWithoutCallingThePeer()
    {
        // Arrange
        var peer = new NoPeer();
        var stub = Create(peer, Messages.Transaction("tx1", "Get"));

        // Act
        var values = await stub.GetMultipleStatesAsync([]);

        // Assert
        Assert.That(values, Is.Empty);
        Assert.That(peer.Calls, Is.Zero);
    }

    [Test]
    public void GetMultipleStatesAsync_EmptyKey_ThrowsArgumentExceptionNamingItsIndex()
    {
        // Arrange
        var stub = Create(new NoPeer(), Messages.Transaction("tx1", "Get"));

        // Act & Assert
        Assert.That(() => stub.GetMultipleStatesAsync(["a", string.Empty]), Throws.ArgumentException.With.Message.Contains("index 1"));
    }

    [Test]
    public void StartWriteBatch_PeerDoesNotOfferBatches_ReturnsFalseAndWritesStillGoOneByOne()
    {
        // Arrange
        var peer = new NoPeer();
        var stub = Create(peer, Messages.Transaction("tx1", "Put"));

        // Act
        var started = stub.StartWriteBatch();
        _ = stub.PutStateAsync("k", new byte[] { 1 });

        // Assert
        Assert.That(started, Is.False);
        Assert.That(peer.Calls, Is.EqualTo(1));
    }

    [Test]
    public async Task FinishWriteBatchAsync_NoBatchOpen_DoesNothing()
    {
        // Arrange
        var peer = new NoPeer();
        var stub = Create(peer, Messages.Transaction("tx1", "Put"), new PeerCapabilities(true, 10, false, 0));

        // Act
        await stub.FinishWriteBatchAsync();

        // Assert
        Assert.That(peer.Calls, Is.Zero);
    }

    [Test]
    public void DiscardWriteBatch_BufferedWrites_AreNeverSent()
    {
        // Arrange
        var peer = new NoPeer();
        var stub = Create(peer, Messages.Transaction("tx1", "Put"), new PeerCapabilities(true, 10, false, 0));
        stub.StartWriteBatch();
        _ = stub.PutStateAsync("k", new byte[] { 1 });

        // Act
        stub.DiscardWriteBatch();
        _ = stub.FinishWriteBatchAsync();

        // Assert
        Assert.That(peer.Calls, Is.Zero);
    }

    [TestCase("other/chan", "", TestName = "InvokeChaincodeAsync_NameWithSlash_ThrowsArgumentException")]
    [TestCase("other:1.0", "", TestName = "InvokeChaincodeAsync_NameWithColon_ThrowsArgumentException")]
    [TestCase("", "", TestName = "InvokeChaincodeAsync_EmptyName_ThrowsArgumentException")]
    [TestCase("other", "a/b", TestName = "InvokeChaincodeAsync_ChannelWithSlash_ThrowsArgumentException")]
    public void InvokeChaincodeAsync_InvalidTarget_ThrowsArgumentException(string chaincodeName, string channel)
    {
        // Arrange
        var peer = new NoPeer();
        var stub = Create(peer, Messages.Transaction("tx1", "Call"));

        // Act & Assert
        Assert.That(() => stub.InvokeChaincodeAsync(chaincodeName, new[] { "Ping" }, channel), Throws.InstanceOf<ArgumentException>());
        Assert.That(peer.Calls, Is.Zero);
    }

    [Test]
    public void Create_InputWithDecorations_ExposesThem()
    {
        // Arrange
        var message = Messages.Transaction("tx1", "Anything");
        var input = ChaincodeInput.Parser.ParseFrom(message.Payload);
        input.Decorations["region"] = ByteString.CopyFromUtf8("eu");
        message.Payload = input.ToByteString();

        // Act
        var stub = Create(new NoPeer(), message);

        // Assert
        Assert.That(System.Text.Encoding.UTF8.GetString(stub.Decorations["region"].Span), Is.EqualTo("eu"));
    }

    /// <summary>The creator bytes of a client of BankAMSP named trader1, with a real certificate.</summary>
    private static ByteString TraderCreator()
    {
        using var certificate = Identity.IdentityCertificates.Issue(Identity.IdentityCertificates.Name(
            Identity.IdentityCertificates.Rdn(Identity.IdentityCertificates.OU, "client"),
            Identity.IdentityCertificates.Rdn(Identity.IdentityCertificates.CN, "trader1")));
        return Identity.IdentityCertificates.SerializedIdentity("BankAMSP", certificate);
    }

    [Test]
    public void ClientIdentity_RealCreator_IsParsedOnceFromTheProposal()
    {
        // Arrange
        var creator = TraderCreator();
        var stub = Create(new NoPeer(), Messages.TransactionFrom(creator, "tx1", "Who"));

        // Act
        var identity = stub.ClientIdentity;

        // Assert
        Assert.That(identity.MspId, Is.EqualTo("BankAMSP"));
        Assert.That(identity.Subject, Is.EqualTo("CN=trader1,OU=client"));
        Assert.That(identity.IsClient, Is.True);
        Assert.That(stub.ClientIdentity, Is.SameAs(identity));
    }

    [Test]
    public void ClientIdentity_WithCache_NextTransactionOfTheCreatorIsServedFromIt()
    {
        // Arrange
        var creator = TraderCreator();
        var cache = new ClientIdentityCache();
        ChaincodeStub Stub(string txId)
        {
            var message = Messages.TransactionFrom(creator, txId, "Who");
            return ChaincodeStub.Create(new NoPeer(), new TransactionKey(message.ChannelId, message.Txid), message, identities: cache);
        }

        // Act
        var first = Stub("tx1").ClientIdentity;
        var second = Stub("tx2").ClientIdentity;

        // Assert
        Assert.That(cache.Count, Is.EqualTo(1));
        Assert.That((second.Id, second.MspId), Is.EqualTo((first.Id, first.MspId)));
        Assert.That(second, Is.Not.SameAs(first));
    }

    [Test]
    public void ClientIdentity_CreatorWithoutCertificate_ThrowsChaincodeException()
    {
        // Arrange: the default test creator carries no real certificate.
        var stub = Create(new NoPeer(), Messages.Transaction("tx1", "Who"));

        // Act & Assert
        Assert.That(() => stub.ClientIdentity, Throws.TypeOf<ChaincodeException>().With.InnerException.InstanceOf<ArgumentException>());
    }

    [Test]
    public void ClientIdentity_NoSignedProposal_ThrowsChaincodeException()
    {
        // Arrange
        var message = Messages.Transaction("tx1", "Who");
        message.Proposal = null;
        var stub = Create(new NoPeer(), message);

        // Act & Assert
        Assert.That(() => stub.ClientIdentity, Throws.TypeOf<ChaincodeException>().With.Message.Contains("no creator"));
    }
}
