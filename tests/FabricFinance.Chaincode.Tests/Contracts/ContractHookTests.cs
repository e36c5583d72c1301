using FabricFinance.Chaincode.Contracts;
using FabricFinance.Chaincode.Tests.Contracts.Infrastructure;

namespace FabricFinance.Chaincode.Tests.Contracts;

/// <summary>The before and after hooks: order, what they see, and what their failures do.</summary>
[TestFixture]
[CancelAfter(10_000)]
public sealed class ContractHookTests
{
    [Test]
    public async Task InvokeAsync_Transaction_RunsBeforeThenTransactionThenAfterWithTheResult()
    {
        // Arrange
        var contract = new HookedContract();
        var router = ContractRouter.Create([contract]);

        // Act
        var response = await router.InvokeAsync("Run", "ok");

        // Assert
        Assert.That(contract.Calls, Is.EqualTo(new[] { "before", "transaction", "after" }));
        Assert.That(contract.AfterResult, Is.EqualTo("result:ok"));
        Assert.That(response.Text(), Is.EqualTo("result:ok"));
    }

    [Test]
    public async Task InvokeAsync_BeforeSetsAnItem_TheTransactionSeesIt()
    {
        // Arrange
        var contract = new HookedContract();
        var router = ContractRouter.Create([contract]);

        // Act
        await router.InvokeAsync("Run", "ok");

        // Assert
        Assert.That(contract.ItemSeenByTransaction, Is.EqualTo("set by before"));
    }

    [Test]
    public async Task InvokeAsync_BeforeThrows_TransactionAndAfterDoNotRun()
    {
        // Arrange
        var contract = new HookedContract();
        var router = ContractRouter.Create([contract]);

        // Act
        var response = await router.InvokeAsync("Run", "before-throws");

        // Assert
        Assert.That(contract.Calls, Is.EqualTo(new[] { "before" }));
        Assert.That((response.Status, response.Message), Is.EqualTo((500, "FORBIDDEN: the before hook refused.")));
    }

    [Test]
    public async Task InvokeAsync_TransactionThrows_AfterDoesNotRun()
    {
        // Arrange
        var contract = new HookedContract();
        var router = ContractRouter.Create([contract]);

        // Act
        var response = await router.InvokeAsync("Run", "throw");

        // Assert
        Assert.That(contract.Calls, Is.EqualTo(new[] { "before", "transaction" }));
        Assert.That(response.Message, Is.EqualTo("transaction refused"));
    }

    [Test]
    public async Task InvokeAsync_AfterThrows_TheTransactionFails()
    {
        // Arrange
        var contract = new HookedContract();
        var router = ContractRouter.Create([contract]);

        // Act
        var response = await router.InvokeAsync("Run", "after-throws");

        // Assert
        Assert.That(contract.Calls, Is.EqualTo(new[] { "before", "transaction", "after" }));
        Assert.That((response.Status, response.Message, response.Payload.Length), Is.EqualTo((500, "after hook refused", 0)));
    }

    [Test]
    public async Task InvokeAsync_WrongArgumentCount_NoHookRuns()
    {
        // Arrange
        var contract = new HookedContract();
        var router = ContractRouter.Create([contract]);

        // Act
        var response = await router.InvokeAsync("Run");

        // Assert
        Assert.That(contract.Calls, Is.Empty);
        Assert.That(response.Message, Is.EqualTo("Run takes 1 argument(s) (mode), got 0"));
    }
}
