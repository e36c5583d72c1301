using FabricFinance.Client.Errors;
using FabricFinance.Client.Tests.Infrastructure;
using Grpc.Core;
using Grpc.Net.Client;
using ErrorDetail = FabricFinance.Client.Errors.ErrorDetail;

namespace FabricFinance.Client.Tests;

/// <summary>
/// The client over a real gRPC stack: <see cref="GatewayChannel"/> with a private TLS CA, and a Kestrel server in this
/// process playing the peer's Gateway service.
/// </summary>
public class InProcessGatewayTests
{
    private TestCertificates _certificates = null!;
    private InProcessGatewayServer _server = null!;
    private TestIdentity _user = null!;

    [OneTimeSetUp]
    public async Task StartServer()
    {
        _certificates = new TestCertificates();
        _server = await InProcessGatewayServer.StartAsync(_certificates);
        _user = new TestIdentity();
    }

    [SetUp]
    public void ResetServer() => _server.Service.Reset();

    [OneTimeTearDown]
    public async Task StopServer()
    {
        await _server.DisposeAsync();
        _certificates.Dispose();
        _user.Dispose();
    }

    [Test]
    public async Task EvaluateTransactionAsync_TlsWithPrivateCaOnLoopbackAddress_ReturnsPayload()
    {
        // Arrange
        _server.Service.OnEvaluate = (_, _) => Task.FromResult(FabricResponses.Evaluated("{\"id\":\"bill-1\"}"u8.ToArray()));
        using var channel = GatewayChannel.ForAddress(_server.Address, new GatewayChannelOptions { TlsRootCertificatesPem = _certificates.CertificateAuthorityPem });
        using var gateway = Connect(channel);

        // Act
        var result = await gateway.GetNetwork("mychannel").GetContract("bills").EvaluateTransactionAsync("ReadBill", ["bill-1"]).DefaultTimeout();

        // Assert
        Assert.That(result, Is.EqualTo("{\"id\":\"bill-1\"}"u8.ToArray()));
    }

    [Test]
    public async Task SubmitTransactionAsync_ServerNameOverride_CompletesFlow()
    {
        // Arrange
        var port = new Uri(_server.Address).Port;
        using var channel = GatewayChannel.ForAddress($"https://127.0.0.1:{port}", new GatewayChannelOptions
        {
            TlsRootCertificatesPem = _certificates.CertificateAuthorityPem,
            ServerNameOverride = TestCertificates.PeerHostName,
        });
        using var gateway = Connect(channel);

        // Act
        var result = await gateway.GetNetwork("mychannel").GetContract("bills").SubmitTransactionAsync("Issue", ["bill-1"]).DefaultTimeout();

        // Assert
        Assert.That(result, Is.EqualTo("ok"u8.ToArray()));
    }

    [Test]
    public void EvaluateAsync_PeerCertificateFromUntrustedCa_ThrowsTransactionExceptionFromTlsFailure()
    {
        // Arrange
        using var otherCa = new TestCertificates("org2.example.com");
        using var channel = GatewayChannel.ForAddress(_server.Address, new GatewayChannelOptions { TlsRootCertificatesPem = otherCa.CertificateAuthorityPem });
        using var gateway = Connect(channel);

        // Act
        var ex = Assert.ThrowsAsync<TransactionException>(async () =>
            await gateway.GetNetwork("mychannel").GetContract("bills").EvaluateAsync("ReadBill").DefaultTimeout());

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(ex!.InnerException, Is.TypeOf<RpcException>());
            Assert.That(ex.Message, Does.Contain("SSL"));
            Assert.That(_server.Service.Calls, Is.Zero, "the request never reached the server");
        });
    }

    [Test]
    public void EndorseAsync_ServerSendsRichStatus_DetailsReachTheClient()
    {
        // Arrange
        var detail = new ErrorDetail("peer0.org1.example.com:7051", "Org1MSP", "chaincode response 500, bill bill-1 already exists");
        _server.Service.OnEndorse = (_, _) =>
            throw FabricResponses.RpcFailure(StatusCode.Aborted, "failed to endorse transaction, see attached details for more info", detail);
        using var channel = GatewayChannel.ForAddress(_server.Address, new GatewayChannelOptions { TlsRootCertificatesPem = _certificates.CertificateAuthorityPem });
        using var gateway = Connect(channel);

        // Act
        var ex = Assert.ThrowsAsync<EndorseException>(async () =>
            await gateway.GetNetwork("mychannel").GetContract("bills").SubmitTransactionAsync("Issue", ["bill-1"]).DefaultTimeout());

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(ex!.StatusCode, Is.EqualTo(StatusCode.Aborted));
            Assert.That(ex.Details, Is.EqualTo(new[] { detail }));
            Assert.That(ex.Message, Does.Contain("bill bill-1 already exists"));
            Assert.That(ex.TransactionId, Does.Match("^[0-9a-f]{64}$"));
        });
    }

    [Test]
    public void GetStatusAsync_CommitStatusTimeoutElapses_ThrowsCommitStatusExceptionDeadlineExceeded()
    {
        // Arrange
        _server.Service.OnCommitStatus = async (_, context) =>
        {
            await Task.Delay(Timeout.Infinite, context.CancellationToken);
            throw new InvalidOperationException("unreachable");
        };
        using var channel = GatewayChannel.ForAddress(_server.Address, new GatewayChannelOptions { TlsRootCertificatesPem = _certificates.CertificateAuthorityPem });
        using var gateway = Connect(channel, options => options.CommitStatusTimeout = TimeSpan.FromMilliseconds(200));

        // Act
        var ex = Assert.ThrowsAsync<CommitStatusException>(async () =>
            await gateway.GetNetwork("mychannel").GetContract("bills").SubmitAsync("Issue").DefaultTimeout());

        // Assert
        Assert.That(ex!.StatusCode, Is.EqualTo(StatusCode.DeadlineExceeded));
    }

    [Test]
    public void EvaluateAsync_CallerCancels_ThrowsOperationCanceledExceptionNotRpcException()
    {
        // Arrange
        _server.Service.OnEvaluate = async (_, context) =>
        {
            await Task.Delay(Timeout.Infinite, context.CancellationToken);
            throw new InvalidOperationException("unreachable");
        };
        using var channel = GatewayChannel.ForAddress(_server.Address, new GatewayChannelOptions { TlsRootCertificatesPem = _certificates.CertificateAuthorityPem });
        using var gateway = Connect(channel);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        // Act
        var ex = Assert.CatchAsync<OperationCanceledException>(async () =>
            await gateway.GetNetwork("mychannel").GetContract("bills").EvaluateAsync("ReadBill", cancellationToken: cancellation.Token).DefaultTimeout());

        // Assert
        Assert.That(ex!.CancellationToken, Is.EqualTo(cancellation.Token));
    }

    [Test]
    public void GetChaincodeEventsAsync_RealStream_EventsThenCancellation()
    {
        // Arrange
        _server.Service.OnChaincodeEvents = async (_, stream, context) =>
        {
            await stream.WriteAsync(FabricResponses.Events(3, ("tx1", "Issued", "bill-1")));
            await stream.WriteAsync(FabricResponses.Events(4, ("tx2", "Paid", "bill-1")));
            await Task.Delay(Timeout.Infinite, context.CancellationToken);
        };
        using var channel = GatewayChannel.ForAddress(_server.Address, new GatewayChannelOptions { TlsRootCertificatesPem = _certificates.CertificateAuthorityPem });
        using var gateway = Connect(channel);
        using var cancellation = new CancellationTokenSource();
        var received = new List<ChaincodeEvent>();

        // Act
        var ex = Assert.CatchAsync<OperationCanceledException>(async () =>
        {
            await foreach (var chaincodeEvent in gateway.GetNetwork("mychannel").GetChaincodeEventsAsync("bills", cancellationToken: cancellation.Token))
            {
                received.Add(chaincodeEvent);
                if (received.Count == 2)
                {
                    await cancellation.CancelAsync();
                }
            }
        });

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(received.Select(e => (e.BlockNumber, e.TransactionId, e.EventName)), Is.EqualTo(new[] { (3UL, "tx1", "Issued"), (4UL, "tx2", "Paid") }));
            Assert.That(ex!.CancellationToken, Is.EqualTo(cancellation.Token));
        });
    }

    private Gateway Connect(GrpcChannel channel, Action<GatewayOptions>? configure = null)
    {
        var options = new GatewayOptions { Signer = _user.Signer };
        configure?.Invoke(options);
        return Gateway.Connect(channel, _user.Identity, options);
    }
}
