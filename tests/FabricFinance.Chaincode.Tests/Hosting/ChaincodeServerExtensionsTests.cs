using FabricFinance.Chaincode.Contracts;
using FabricFinance.Chaincode.Hosting;
using FabricFinance.Chaincode.Tests.Contracts.Infrastructure;
using FabricFinance.Chaincode.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MessageType = Hyperledger.Fabric.Protos.Peer.ChaincodeMessage.Types.Type;

namespace FabricFinance.Chaincode.Tests.Hosting;

/// <summary>What <c>AddChaincodeServer</c> configures, and a contract chaincode served end to end.</summary>
[TestFixture]
[CancelAfter(30_000)]
public sealed class ChaincodeServerExtensionsTests
{
    private static WebApplication Build(Action<ChaincodeServerOptions>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.AddChaincodeServer<DelegateChaincode>(o =>
        {
            o.Address = "127.0.0.1:0";
            o.ChaincodeId = "cc:1";
            configure?.Invoke(o);
        });
        return builder.Build();
    }

    [Test]
    public async Task AddChaincodeServer_KeepAliveOptions_AreAppliedToKestrel()
    {
        // Arrange
        await using var app = Build(o =>
        {
            o.KeepAlivePingDelay = TimeSpan.FromSeconds(30);
            o.KeepAlivePingTimeout = TimeSpan.FromSeconds(7);
        });

        // Act
        var http2 = app.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits.Http2;

        // Assert
        Assert.That((http2.KeepAlivePingDelay, http2.KeepAlivePingTimeout), Is.EqualTo((TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(7))));
    }

    [Test]
    public async Task AddChaincodeServer_Defaults_PingAfterAMinuteAndWaitTwentySeconds()
    {
        // Arrange
        await using var app = Build();

        // Act
        var http2 = app.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits.Http2;

        // Assert
        Assert.That((http2.KeepAlivePingDelay, http2.KeepAlivePingTimeout), Is.EqualTo((TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(20))));
    }

    [Test]
    public async Task AddChaincodeServer_LongGracePeriod_RaisesTheHostShutdownTimeout()
    {
        // Arrange
        await using var app = Build(o => o.ShutdownGracePeriod = TimeSpan.FromSeconds(60));

        // Act
        var host = app.Services.GetRequiredService<IOptions<HostOptions>>().Value;

        // Assert
        Assert.That(host.ShutdownTimeout, Is.EqualTo(TimeSpan.FromSeconds(65)));
    }

    [Test]
    public async Task StartAsync_ContractChaincode_ServesTransactionsAndMetadataOverTheStream()
    {
        // Arrange
        await using var server = await ChaincodeServerHarness.StartWithServicesAsync(services => services.AddContracts().AddContract<BillsContract>().AddContract<AuditContract>());
        await using var peer = await server.ConnectAsync();
        await peer.HandshakeAsync();

        // Act
        await peer.SendAsync(Messages.Transaction("tx1", "IssueBill", "b1", "125"));
        var issued = await peer.ReceiveAsync();
        await peer.SendAsync(Messages.Transaction("tx2", "IssueBill", "b1", "1.5"));
        var refused = await peer.ReceiveAsync();
        await peer.SendAsync(Messages.Transaction("tx3", "org.hyperledger.fabric:GetMetadata"));
        var metadata = await peer.ReceiveAsync();

        // Assert
        Assert.That((issued.Type, Messages.ReadResponse(issued).Payload.ToStringUtf8()), Is.EqualTo((MessageType.Completed, "125")));
        var refusal = Messages.ReadResponse(refused);
        Assert.That((refusal.Status, refusal.Message), Is.EqualTo((500, "INVALID_ARGUMENT: argument 'amount' of IssueBill: '1.5' is not an integer")));
        var router = (ContractRouter)server.Services.GetRequiredService<IChaincode>();
        Assert.That(Messages.ReadResponse(metadata).Payload.ToByteArray(), Is.EqualTo(router.Metadata.ToArray()));
    }

    [Test]
    public void StartAsync_InvalidContract_StopsStartup()
    {
        // Act / Assert
        Assert.That(
            async () => await ChaincodeServerHarness.StartWithServicesAsync(services => services.AddContracts().AddContract<DoubleParameterContract>()),
            Throws.TypeOf<ContractDefinitionException>().With.Message.Contains("DoubleParameterContract.Price"));
    }

    [Test]
    public void StartAsync_NoChaincodeRegistered_StopsStartupSayingWhatToRegister()
    {
        // Act / Assert
        Assert.That(
            async () => await ChaincodeServerHarness.StartWithServicesAsync(_ => { }),
            Throws.InvalidOperationException.With.Message.StartsWith("No chaincode is registered"));
    }
}
