using FabricFinance.Bills.Client.Tests.Infrastructure;
using FabricFinance.Client;
using Microsoft.Extensions.DependencyInjection;

namespace FabricFinance.Bills.Client.Tests;

/// <summary>The client registers on top of the gateway's <see cref="Network"/>.</summary>
public sealed class BillMarketServiceCollectionExtensionsTests
{
    [Test]
    [CancelAfter(10_000)]
    public async Task AddBillMarketClient_NetworkRegistered_ResolvesOneClientOnTheConfiguredChaincode()
    {
        // Arrange
        using var market = new TestMarket();
        market.Fake.Handler = _ => FakeOutcome.Ok(Samples.Bill());
        var services = new ServiceCollection().AddSingleton(market.Network);

        // Act
        services.AddBillMarketClient(options => options.ChaincodeName = "bills-v2");
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<BillMarketClient>();
        await client.GetBillAsync("B1");

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(provider.GetRequiredService<BillMarketClient>(), Is.SameAs(client));
            Assert.That(client.Network, Is.SameAs(market.Network));
            Assert.That(market.SingleProposal.ChaincodeName, Is.EqualTo("bills-v2"));
        });
    }

    [Test]
    public void AddBillMarketClient_NoNetwork_FailsOnResolve()
    {
        // Arrange
        var services = new ServiceCollection().AddBillMarketClient();
        using var provider = services.BuildServiceProvider();

        // Act / Assert
        Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<BillMarketClient>());
    }
}
