using FabricFinance.Monitor.Tests.Infrastructure;

namespace FabricFinance.Monitor.Tests;

/// <summary>Stops the shared PostgreSQL server, if a test started one, when the test run ends.</summary>
[SetUpFixture]
public sealed class PostgresTeardown
{
    [OneTimeTearDown]
    public Task StopAsync() => PostgresServer.StopSharedAsync();
}
