using System.Security.Cryptography;
using FabricFinance.Chaincode.Handler;
using FabricFinance.Chaincode.Stub;
using FabricFinance.Chaincode.Tests.Infrastructure;
using Google.Protobuf;
using Hyperledger.Fabric.Protos.Peer;

namespace FabricFinance.Chaincode.Tests.Stub;

[TestFixture]
public sealed class ChaincodeStubTests
{
    private sealed class NoPeer : IPeerCalls
    {
        public int Calls { get; private set; }

        public Task<ByteString> CallAsync(ChaincodeMessage.Types.Type type, IMessage request, CancellationToken cancellationToken)
        {
            Calls++;
            return Task.FromResult(ByteString.Empty);
        }
    }

    private static ChaincodeStub Create(NoPeer peer, ChaincodeMessage message) =>
        ChaincodeStub.Create(peer, new TransactionKey(message.ChannelId, message.Txid), message);

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
    private static readonly object[] InvalidKeys = ["", "\0composite", "bad" + (char)0xD800 + "surrogate"];

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
}
