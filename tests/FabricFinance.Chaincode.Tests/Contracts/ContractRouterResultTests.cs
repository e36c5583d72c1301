using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FabricFinance.Chaincode.Contracts;
using FabricFinance.Chaincode.Tests.Contracts.Infrastructure;

namespace FabricFinance.Chaincode.Tests.Contracts;

/// <summary>How results become payloads and failures become error responses.</summary>
[TestFixture]
[CancelAfter(10_000)]
public sealed class ContractRouterResultTests
{
    [TestCase("Nothing")]
    [TestCase("NothingAsync")]
    [TestCase("NothingValueTask")]
    [TestCase("NullString")]
    public async Task InvokeAsync_NoResult_SucceedsWithAnEmptyPayload(string function)
    {
        // Arrange
        var router = ContractRouter.Create([new ResultsContract()]);

        // Act
        var response = await router.InvokeAsync(function);

        // Assert
        Assert.That((response.Status, response.Message, response.Payload.Length), Is.EqualTo((200, string.Empty, 0)));
    }

    [TestCase("OrderAsync", """{"amount":5,"color":"Red","lines":[{"quantity":1,"sku":"a"}],"note":null,"zone":"eu"}""")]
    [TestCase("NumberValueTask", "42")]
    public async Task InvokeAsync_AsyncResult_IsAwaitedAndSerialized(string function, string expected)
    {
        // Arrange
        var router = ContractRouter.Create([new ResultsContract()]);

        // Act
        var response = await router.InvokeAsync(function);

        // Assert
        Assert.That(response.Text(), Is.EqualTo(expected));
    }

    [Test]
    public async Task InvokeAsync_ChaincodeResponseResult_IsSentAsItIs()
    {
        // Arrange
        var router = ContractRouter.Create([new ResultsContract()]);

        // Act
        var refusal = await router.InvokeAsync("Raw");
        var success = await router.InvokeAsync("RawAsync");

        // Assert
        Assert.That((refusal.Status, refusal.Message), Is.EqualTo((403, "raw refusal")));
        Assert.That((success.Status, success.Text()), Is.EqualTo((200, "raw")));
    }

    [TestCase("Refuse", 500, "NOT_FOUND: nothing here.")]
    [TestCase("RefuseWithStatus", 403, "FORBIDDEN: not yours.")]
    [TestCase("Crash", 500, "Crash failed: boom")]
    [TestCase("Undefined", 500, "Undefined failed: 42 is not a named value of Color; only named values can be returned.")]
    public async Task InvokeAsync_TransactionThrows_AnswersAnErrorResponse(string function, int status, string message)
    {
        // Arrange
        var router = ContractRouter.Create([new ResultsContract()]);

        // Act
        var response = await router.InvokeAsync(function);

        // Assert
        Assert.That((response.Status, response.Message, response.Payload.Length), Is.EqualTo((status, message, 0)));
    }

    [Test]
    public async Task InvokeAsync_ClientIdentityParameter_IsTheStubsClient()
    {
        // Arrange
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=alice,OU=client", key, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddYears(100));
        var stub = InMemoryStub.Create("Identity");
        stub.ClientIdentity = ClientIdentity.Create("BankAMSP", certificate);
        var router = ContractRouter.Create([new ResultsContract()]);

        // Act
        var response = await router.InvokeAsync(stub.Stub, CancellationToken.None);

        // Assert
        Assert.That(response.Text(), Is.EqualTo("BankAMSP"));
    }

    [Test]
    public async Task InvokeAsync_ClientIdentityUnreadable_AnswersTheStubsError()
    {
        // Arrange
        var router = ContractRouter.Create([new ResultsContract()]);

        // Act
        var response = await router.InvokeAsync("Identity");

        // Assert
        Assert.That((response.Status, response.Message), Is.EqualTo((500, "Identity failed: The in-memory stub has no creator.")));
    }

    [Test]
    public void ContractException_StatusOutsideErrors_IsRejected()
    {
        // Act / Assert
        Assert.That(() => new ContractException("x", 200), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => new ContractException("x", 600), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(new ContractException("y").Status, Is.EqualTo(500));
    }
}
