using System.Security.Cryptography;
using FabricFinance.Client.Identity;
using FabricFinance.Client.Tests.Infrastructure;
using Grpc.Core;
using Hyperledger.Fabric.Protos.Common;
using Hyperledger.Fabric.Protos.Gateway;
using Microsoft.Extensions.Time.Testing;
using PeerProposal = Hyperledger.Fabric.Protos.Peer.Proposal;

namespace FabricFinance.Client.Tests;

public class GatewayTests
{
    [Test]
    public void Connect_Channel_UsesChannelsCallInvokerAndDisposeLeavesChannelOpen()
    {
        // Arrange
        using var user = new TestIdentity();
        var channel = new TestChannel();

        // Act
        var gateway = Gateway.Connect(channel, user.Identity, new GatewayOptions { Signer = user.Signer });
        gateway.Dispose();

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(channel.InvokersCreated, Is.EqualTo(1));
            Assert.That(channel.ShutDown, Is.False);
            Assert.That(gateway.Identity, Is.SameAs(user.Identity));
        });
    }

    [Test]
    public void Dispose_CalledTwice_DoesNotThrow()
    {
        // Arrange
        using var test = new TestGateway();

        // Act and Assert
        Assert.DoesNotThrow(() =>
        {
            test.Gateway.Dispose();
            test.Gateway.Dispose();
        });
    }

    [Test]
    public void GetNetwork_AfterDispose_ThrowsObjectDisposedException()
    {
        // Arrange
        using var test = new TestGateway();
        test.Gateway.Dispose();

        // Act and Assert
        Assert.Throws<ObjectDisposedException>(() => test.Gateway.GetNetwork("mychannel"));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase(" ")]
    public void GetNetwork_MissingName_ThrowsArgumentExceptionNamingChannelName(string? channelName)
    {
        // Arrange
        using var test = new TestGateway();

        // Act
        var ex = Assert.Catch<ArgumentException>(() => test.Gateway.GetNetwork(channelName!));

        // Assert
        Assert.That(ex!.ParamName, Is.EqualTo("channelName"));
    }

    [Test]
    public void Connect_NullArguments_ThrowArgumentNullExceptionNamingParameter()
    {
        // Arrange
        using var user = new TestIdentity();

        // Act and Assert
        Assert.Multiple(() =>
        {
            Assert.That(
                Assert.Throws<ArgumentNullException>(() => Gateway.Connect((ChannelBase)null!, user.Identity))!.ParamName,
                Is.EqualTo("channel"));
            Assert.That(
                Assert.Throws<ArgumentNullException>(() => Gateway.Connect((CallInvoker)null!, user.Identity))!.ParamName,
                Is.EqualTo("callInvoker"));
            Assert.That(
                Assert.Throws<ArgumentNullException>(() => Gateway.Connect(new FakeGatewayInvoker(), null!))!.ParamName,
                Is.EqualTo("identity"));
        });
    }

    [Test]
    public void Connect_IdentityWithoutMspId_ThrowsArgumentExceptionNamingIdentity()
    {
        // Act
        var ex = Assert.Throws<ArgumentException>(() => Gateway.Connect(new FakeGatewayInvoker(), new StubIdentity(" ", new byte[] { 1 })));

        // Assert
        Assert.That(ex!.ParamName, Is.EqualTo("identity"));
    }

    [Test]
    public void Connect_IdentityWithoutCredentials_ThrowsArgumentExceptionNamingIdentity()
    {
        // Act
        var ex = Assert.Throws<ArgumentException>(() => Gateway.Connect(new FakeGatewayInvoker(), new StubIdentity("Org1MSP", ReadOnlyMemory<byte>.Empty)));

        // Assert
        Assert.That(ex!.ParamName, Is.EqualTo("identity"));
    }

    [TestCase(0)]
    [TestCase(-1)]
    public void Connect_NonPositiveTimeout_ThrowsArgumentExceptionNamingOptions(int seconds)
    {
        // Arrange
        using var user = new TestIdentity();
        var options = new GatewayOptions { EndorseTimeout = TimeSpan.FromSeconds(seconds) };

        // Act
        var ex = Assert.Throws<ArgumentException>(() => Gateway.Connect(new FakeGatewayInvoker(), user.Identity, options));

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(ex!.ParamName, Is.EqualTo("options"));
            Assert.That(ex.Message, Does.Contain("EndorseTimeout"));
        });
    }

    [Test]
    public void Connect_UnsupportedHash_ThrowsArgumentExceptionNamingOptions()
    {
        // Arrange
        using var user = new TestIdentity();
        var options = new GatewayOptions { Hash = new HashAlgorithmName("NOPE") };

        // Act
        var ex = Assert.Throws<ArgumentException>(() => Gateway.Connect(new FakeGatewayInvoker(), user.Identity, options));

        // Assert
        Assert.That(ex!.ParamName, Is.EqualTo("options"));
    }

    [Test]
    public void Connect_NullTimeProvider_ThrowsArgumentExceptionNamingOptions()
    {
        // Arrange
        using var user = new TestIdentity();
        var options = new GatewayOptions { TimeProvider = null! };

        // Act
        var ex = Assert.Throws<ArgumentException>(() => Gateway.Connect(new FakeGatewayInvoker(), user.Identity, options));

        // Assert
        Assert.That(ex!.ParamName, Is.EqualTo("options"));
    }

    [Test]
    public async Task Connect_OptionsChangedAfterwards_GatewayKeepsOriginalSettings()
    {
        // Arrange
        using var user = new TestIdentity();
        var invoker = new FakeGatewayInvoker();
        var options = new GatewayOptions { Signer = user.Signer, EvaluateTimeout = null };
        using var gateway = Gateway.Connect(invoker, user.Identity, options);

        // Act
        options.EvaluateTimeout = TimeSpan.FromSeconds(1);
        options.Signer = null;
        await gateway.GetNetwork("mychannel").GetContract("bills").EvaluateAsync("ReadBill").DefaultTimeout();

        // Assert
        Assert.That(invoker.OptionsOf("Evaluate").Deadline, Is.Null);
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task DisposeAsync_AwaitUsing_GatewayIsDisposed()
    {
        // Arrange
        using var user = new TestIdentity();
        var gateway = Gateway.Connect(new FakeGatewayInvoker(), user.Identity, new GatewayOptions { Signer = user.Signer });

        // Act
        await using (gateway)
        {
            _ = gateway.GetNetwork("mychannel");
        }

        // Assert
        Assert.Throws<ObjectDisposedException>(() => gateway.GetNetwork("mychannel"));
    }

    [Test]
    public void NewProposal_FakeTimeProvider_TimestampFollowsTheClock()
    {
        // Arrange
        using var user = new TestIdentity();
        var clock = new FakeTimeProvider(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero));
        using var gateway = Gateway.Connect(new FakeGatewayInvoker(), user.Identity, new GatewayOptions { Signer = user.Signer, TimeProvider = clock });
        var contract = gateway.GetNetwork("mychannel").GetContract("bills");

        // Act
        var first = contract.NewProposal("Issue");
        clock.Advance(TimeSpan.FromMilliseconds(1500));
        var second = contract.NewProposal("Issue");

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(TimestampOf(first), Is.EqualTo(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero)));
            Assert.That(TimestampOf(second), Is.EqualTo(new DateTimeOffset(2030, 1, 2, 3, 4, 6, 500, TimeSpan.Zero)));
        });
    }

    private static DateTimeOffset TimestampOf(Proposal proposal)
    {
        var proposalBytes = ProposedTransaction.Parser.ParseFrom(proposal.GetBytes()).Proposal.ProposalBytes;
        var header = Header.Parser.ParseFrom(PeerProposal.Parser.ParseFrom(proposalBytes).Header);
        return ChannelHeader.Parser.ParseFrom(header.ChannelHeader).Timestamp.ToDateTimeOffset();
    }

    private sealed record StubIdentity(string MspId, ReadOnlyMemory<byte> Credentials) : IIdentity;

    /// <summary>A channel that hands out a fake invoker and records whether anyone shut it down.</summary>
    private sealed class TestChannel() : ChannelBase("test")
    {
        public int InvokersCreated { get; private set; }

        public bool ShutDown { get; private set; }

        public override CallInvoker CreateCallInvoker()
        {
            InvokersCreated++;
            return new FakeGatewayInvoker();
        }

        protected override Task ShutdownAsyncCore()
        {
            ShutDown = true;
            return Task.CompletedTask;
        }
    }
}
