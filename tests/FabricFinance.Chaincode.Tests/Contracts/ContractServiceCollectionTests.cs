#pragma warning disable CA1822 // Transactions are instance methods of their contract by design.

using FabricFinance.Chaincode.Contracts;
using FabricFinance.Chaincode.Tests.Contracts.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FabricFinance.Chaincode.Tests.Contracts;

/// <summary>Contracts resolved from dependency injection.</summary>
[TestFixture]
[CancelAfter(10_000)]
public sealed class ContractServiceCollectionTests
{
    [Test]
    public async Task AddContracts_ContractWithADependency_IsResolvedWithIt()
    {
        // Arrange
        var services = new ServiceCollection();
        services.AddSingleton(new Greeting("hello"));
        services.AddContracts(o => o.Title = "greeter").AddContract<GreeterContract>();
        await using var provider = services.BuildServiceProvider();

        // Act
        var router = (ContractRouter)provider.GetRequiredService<IChaincode>();
        var response = await router.InvokeAsync("Greet", "Ann");

        // Assert
        Assert.That(response.Text(), Is.EqualTo("hello Ann"));
        Assert.That(System.Text.Json.Nodes.JsonNode.Parse(router.Metadata.Span)!["info"]!["title"]!.GetValue<string>(), Is.EqualTo("greeter"));
    }

    [Test]
    public async Task AddContracts_ScopedContract_GetsOneInstancePerTransaction()
    {
        // Arrange
        var services = new ServiceCollection();
        services.AddSingleton(new Greeting("hi"));
        services.AddScoped<GreeterContract>();
        services.AddContracts().AddContract<GreeterContract>().AddContract<AuditContract>();
        await using var provider = services.BuildServiceProvider();
        var router = (ContractRouter)provider.GetRequiredService<IChaincode>();

        // Act
        var first = await router.InvokeAsync("GreeterContract:Instance");
        var second = await router.InvokeAsync("GreeterContract:Instance");

        // Assert
        Assert.That(first.Text(), Is.Not.EqualTo(second.Text()));
        Assert.That(router.ContractNames, Is.EqualTo(new[] { "GreeterContract", "audit" }));
        Assert.That(router.DefaultContractName, Is.Null);
    }

    [Test]
    public async Task AddContracts_SingletonContract_IsSharedByTransactions()
    {
        // Arrange
        var services = new ServiceCollection();
        services.AddSingleton(new Greeting("hi"));
        services.AddContracts().AddContract<GreeterContract>();
        await using var provider = services.BuildServiceProvider();
        var router = (ContractRouter)provider.GetRequiredService<IChaincode>();

        // Act
        var first = await router.InvokeAsync("Instance");
        var second = await router.InvokeAsync("Instance");

        // Assert
        Assert.That(first.Text(), Is.EqualTo(second.Text()));
    }

    [Test]
    public async Task AddContracts_MissingDependency_FailsWhenTheRouterIsBuilt()
    {
        // Arrange
        var services = new ServiceCollection();
        services.AddContracts().AddContract<GreeterContract>();
        await using var provider = services.BuildServiceProvider();

        // Act / Assert
        Assert.That(
            () => provider.GetRequiredService<IChaincode>(),
            Throws.TypeOf<ContractDefinitionException>().With.Message.StartsWith(
                "FabricFinance.Chaincode.Tests.Contracts.ContractServiceCollectionTests+GreeterContract: the contract cannot be resolved: "));
    }

    [Test]
    public async Task AddContracts_NoContractAdded_ResolvingSaysWhatToDo()
    {
        // Arrange
        var services = new ServiceCollection();
        services.AddContracts();
        await using var provider = services.BuildServiceProvider();

        // Act / Assert
        Assert.That(
            () => provider.GetRequiredService<IChaincode>(),
            Throws.InvalidOperationException.With.Message.EqualTo("AddContracts() was called but no contract was added: call AddContract<TContract>() on the builder it returns."));
    }

    [Test]
    public void AddContracts_AfterAnotherChaincode_Throws()
    {
        // Arrange
        var services = new ServiceCollection();
        services.AddSingleton<IChaincode>(ContractRouter.Create([new AuditContract()]));

        // Act / Assert
        Assert.That(() => services.AddContracts(), Throws.InvalidOperationException.With.Message.Contains("already registered"));
    }

    [Test]
    public void AddContracts_CalledTwice_SharesOneRouter()
    {
        // Arrange
        var services = new ServiceCollection();

        // Act
        services.AddContracts().AddContract<AuditContract>();
        services.AddContracts().AddContract<MainContract>().AddContract<AuditContract>();

        // Assert
        Assert.That(services.Count(d => d.ServiceType == typeof(IChaincode)), Is.EqualTo(1));
        using var provider = services.BuildServiceProvider();
        Assert.That(((ContractRouter)provider.GetRequiredService<IChaincode>()).ContractNames, Is.EqualTo(new[] { "audit", "main" }));
    }

    internal sealed record Greeting(string Word);

    internal sealed class GreeterContract(Greeting greeting) : ContractBase
    {
        private static int s_created;
        private readonly int _instance = Interlocked.Increment(ref s_created);

        [Transaction(Evaluate = true)]
        public string Greet(string name) => $"{greeting.Word} {name}";

        [Transaction(Evaluate = true)]
        public string Instance() => _instance.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
