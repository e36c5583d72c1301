using FabricFinance.Bills.Cli.Connection;
using FabricFinance.Client;

namespace FabricFinance.Bills.Client.Tests.Infrastructure;

/// <summary>A <see cref="BillMarketClient"/> on a gateway connected through a <see cref="FakeGateway"/>.</summary>
internal sealed class TestMarket : IDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 30, 0, TimeSpan.FromHours(8));

    public TestMarket(BillMarketClientOptions? options = null)
    {
        User = new TestIdentity();
        Fake = new FakeGateway();
        Gateway = Gateway.Connect(Fake, User.X509, new GatewayOptions { Signer = User.Signer, TimeProvider = new FixedTimeProvider(Now) });
        Network = Gateway.GetNetwork("fabfin");
        Market = new BillMarketClient(Network, options);
    }

    public TestIdentity User { get; }

    public FakeGateway Fake { get; }

    public Gateway Gateway { get; }

    public Network Network { get; }

    public BillMarketClient Market { get; }

    /// <summary>Gets the single proposal sent, failing when there was not exactly one.</summary>
    public FakeProposal SingleProposal => Fake.Proposals.Count == 1 ? Fake.Proposals.Single() : throw new AssertionException($"{Fake.Proposals.Count} proposals were sent, not 1.");

    public void Dispose()
    {
        Gateway.Dispose();
        User.Dispose();
    }
}
