using FabricFinance.Chaincode.Tests.Infrastructure;
using Grpc.Core;
using Grpc.Health.V1;

namespace FabricFinance.Chaincode.Tests.Hosting;

/// <summary>The standard gRPC health service next to <c>protos.Chaincode</c>, over the real loopback server.</summary>
[TestFixture]
[CancelAfter(30_000)]
public sealed class ChaincodeHealthTests
{
    private static Task<ChaincodeResponse> Echo(IChaincodeStub stub, CancellationToken ct) => Task.FromResult(ChaincodeResponse.Success(stub.FunctionName));

    [TestCase("")]
    [TestCase("protos.Chaincode")]
    public async Task Check_RunningServer_IsServing(string service)
    {
        // Arrange
        await using var server = await ChaincodeServerHarness.StartAsync(Echo);
        var health = new Health.HealthClient(server.Channel);

        // Act
        var response = await health.CheckAsync(new HealthCheckRequest { Service = service });

        // Assert
        Assert.That(response.Status, Is.EqualTo(HealthCheckResponse.Types.ServingStatus.Serving));
    }

    [Test]
    public async Task Check_UnknownService_IsNotFound()
    {
        // Arrange
        await using var server = await ChaincodeServerHarness.StartAsync(Echo);
        var health = new Health.HealthClient(server.Channel);

        // Act
        var error = Assert.ThrowsAsync<RpcException>(async () => await health.CheckAsync(new HealthCheckRequest { Service = "no.such.Service" }));

        // Assert
        Assert.That(error!.StatusCode, Is.EqualTo(StatusCode.NotFound));
    }
}
