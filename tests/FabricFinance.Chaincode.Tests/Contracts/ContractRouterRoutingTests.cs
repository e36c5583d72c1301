using FabricFinance.Chaincode.Contracts;
using FabricFinance.Chaincode.Tests.Contracts.Infrastructure;

namespace FabricFinance.Chaincode.Tests.Contracts;

/// <summary>Which method a function name reaches: default contract, named contract, last-colon split, unknown names.</summary>
[TestFixture]
[CancelAfter(10_000)]
public sealed class ContractRouterRoutingTests
{
    private static ContractRouter CreateRouter() => ContractRouter.Create([new MainContract(), new AuditContract(), new ColonNamedContract()]);

    [Test]
    public async Task InvokeAsync_BareName_RoutesToTheDefaultContract()
    {
        // Arrange
        var router = CreateRouter();

        // Act
        var response = await router.InvokeAsync("Ping");

        // Assert
        Assert.That((response.Status, response.Text()), Is.EqualTo((200, "main")));
        Assert.That(router.DefaultContractName, Is.EqualTo("main"));
    }

    [TestCase("main:Ping", "main")]
    [TestCase("audit:Ping", "audit:audit:Ping")]
    [TestCase("org.example:audit:Ping", "colon")]
    public async Task InvokeAsync_ContractPrefix_SplitsAtTheLastColon(string function, string expected)
    {
        // Arrange
        var router = CreateRouter();

        // Act
        var response = await router.InvokeAsync(function);

        // Assert
        Assert.That((response.Status, response.Text()), Is.EqualTo((200, expected)));
    }

    [Test]
    public async Task InvokeAsync_SingleContractWithoutIsDefault_IsTheDefault()
    {
        // Arrange
        var router = ContractRouter.Create([new AuditContract()]);

        // Act
        var response = await router.InvokeAsync("Ping");

        // Assert
        Assert.That(response.Text(), Is.EqualTo("audit:audit:Ping"));
    }

    [Test]
    public async Task InvokeAsync_BareNameWithoutADefaultContract_RefusesNamingTheContracts()
    {
        // Arrange
        var router = ContractRouter.Create([new AuditContract(), new ColonNamedContract()]);

        // Act
        var response = await router.InvokeAsync("Ping");

        // Assert
        Assert.That(response.Status, Is.EqualTo(500));
        Assert.That(response.Message, Is.EqualTo(
            "'Ping' names no contract and there is no default contract; call it as contract:Ping (the contracts are audit, org.example:audit)."));
    }

    [Test]
    public async Task InvokeAsync_UnknownContract_RefusesListingTheContracts()
    {
        // Arrange
        var router = CreateRouter();

        // Act
        var response = await router.InvokeAsync("ledger:Ping");

        // Assert
        Assert.That(response.Status, Is.EqualTo(500));
        Assert.That(response.Message, Is.EqualTo("There is no contract named 'ledger'; the contracts are audit, main, org.example:audit."));
    }

    [TestCase("Nope", "Contract 'main' has no transaction named 'Nope'.")]
    [TestCase("audit:Nope", "Contract 'audit' has no transaction named 'Nope'.")]
    [TestCase("", "Contract 'main' has no transaction named ''.")]
    [TestCase("audit:", "Contract 'audit' has no transaction named ''.")]
    public async Task InvokeAsync_UnknownTransactionAndDefaultHook_RefusesNamingContractAndTransaction(string function, string expected)
    {
        // Arrange
        var router = CreateRouter();

        // Act
        var response = await router.InvokeAsync(function);

        // Assert
        Assert.That((response.Status, response.Message), Is.EqualTo((500, expected)));
    }

    [Test]
    public async Task InvokeAsync_UnknownTransactionWithHook_AnswersWhatTheHookReturns()
    {
        // Arrange
        var contract = new HookedContract();
        var router = ContractRouter.Create([contract]);

        // Act
        var response = await router.InvokeAsync("HookedContract:Missing", "x");

        // Assert
        Assert.That((response.Status, response.Text()), Is.EqualTo((200, "handled Missing")));
        Assert.That(contract.Calls, Is.EqualTo(new[] { "unknown:Missing" }), "before and after do not run for an unknown transaction");
    }

    [Test]
    public async Task InvokeAsync_RenamedTransaction_RoutesByTheAttributeName()
    {
        // Arrange
        var router = ContractRouter.Create([new BillsContract()]);

        // Act
        var renamed = await router.InvokeAsync("GetBill", "b1");
        var byMethodName = await router.InvokeAsync("ReadBill", "b1");

        // Assert
        Assert.That((renamed.Status, renamed.Text()), Is.EqualTo((200, "b1")));
        Assert.That(byMethodName.Message, Is.EqualTo("Contract 'bills' has no transaction named 'ReadBill'."));
    }

    [Test]
    public async Task InvokeAsync_SystemContractGetMetadata_ReturnsTheMetadata()
    {
        // Arrange
        var router = CreateRouter();

        // Act
        var response = await router.InvokeAsync("org.hyperledger.fabric:GetMetadata");

        // Assert
        Assert.That(response.Status, Is.EqualTo(200));
        Assert.That(response.Payload.ToArray(), Is.EqualTo(router.Metadata.ToArray()));
    }

    [Test]
    public async Task InvokeAsync_SystemContractOtherName_Refuses()
    {
        // Arrange
        var router = CreateRouter();

        // Act
        var response = await router.InvokeAsync("org.hyperledger.fabric:Nope");

        // Assert
        Assert.That(response.Message, Is.EqualTo("The system contract org.hyperledger.fabric has no transaction 'Nope'; it has GetMetadata."));
    }

    [Test]
    public async Task InvokeAsync_ContractImplementingIContractOnly_IsNamedAfterItsClassAndUsesItsHooks()
    {
        // Arrange
        var router = ContractRouter.Create([new PlainContract()]);

        // Act
        var hello = await router.InvokeAsync("PlainContract:Hello", "Ann");
        var wrongCount = await router.InvokeAsync("Hello");
        var unknown = await router.InvokeAsync("Bye");

        // Assert
        Assert.That(hello.Text(), Is.EqualTo("hello Ann"));
        Assert.That(wrongCount.Message, Is.EqualTo("plain: Hello takes 1 argument(s) (name), got 0"));
        Assert.That(unknown.Message, Is.EqualTo("plain: unknown"));
    }

    [Test]
    public async Task InitAsync_WithoutFunctionName_SucceedsWithoutRouting()
    {
        // Arrange
        var contract = new HookedContract();
        var router = ContractRouter.Create([contract]);

        // Act
        var response = await router.InitAsync(InMemoryStub.Create().Stub, CancellationToken.None);

        // Assert
        Assert.That((response.Status, response.Payload.Length), Is.EqualTo((200, 0)));
        Assert.That(contract.Calls, Is.Empty);
    }

    [Test]
    public async Task InitAsync_WithFunctionName_RoutesLikeATransaction()
    {
        // Arrange
        var router = ContractRouter.Create([new HookedContract()]);

        // Act
        var response = await router.InitAsync(InMemoryStub.Create("Run", "init").Stub, CancellationToken.None);

        // Assert
        Assert.That(response.Text(), Is.EqualTo("result:init"));
    }
}
