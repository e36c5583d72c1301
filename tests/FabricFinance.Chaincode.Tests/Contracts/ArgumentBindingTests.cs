using System.Text;
using FabricFinance.Chaincode.Contracts;
using FabricFinance.Chaincode.Tests.Contracts.Infrastructure;

namespace FabricFinance.Chaincode.Tests.Contracts;

/// <summary>Arguments bound to typed parameters, and the message for each way an argument can be wrong.</summary>
[TestFixture]
[CancelAfter(10_000)]
public sealed class ArgumentBindingTests
{
    private static readonly ContractRouter Router = ContractRouter.Create([new TypesContract()]);

    [TestCase("Echo", "héllo wörld", "héllo wörld")]
    [TestCase("Echo", "", "")]
    [TestCase("SByte", "-128", "-128")]
    [TestCase("Byte", "255", "255")]
    [TestCase("Short", "-32768", "-32768")]
    [TestCase("UShort", "65535", "65535")]
    [TestCase("Int", "-42", "-42")]
    [TestCase("Int", "+42", "42")]
    [TestCase("Int", "007", "7")]
    [TestCase("UInt", "4294967295", "4294967295")]
    [TestCase("Long", "9223372036854775807", "9223372036854775807")]
    [TestCase("ULong", "18446744073709551615", "18446744073709551615")]
    [TestCase("Bool", "true", "true")]
    [TestCase("Bool", "false", "false")]
    [TestCase("Enum", "Green", "Green")]
    [TestCase("NamedEnum", "extra-large", "extra-large")]
    [TestCase("NamedEnum", "Medium", "Medium")]
    [TestCase("Date", "2026-11-27", "2026-11-27")]
    [TestCase("Guid", "0f8fad5b-d9cb-469f-a165-70867728950e", "0f8fad5b-d9cb-469f-a165-70867728950e")]
    [TestCase("Nullable", "12", "12")]
    [TestCase("List", "[3,1,2]", "[3,1,2]")]
    [TestCase("Map", """{"b":2,"a":1,"B":3}""", """{"B":3,"a":1,"b":2}""")]
    [TestCase("Record", """{"zone":"eu","amount":10,"color":"Red","lines":[{"sku":"x","quantity":2}]}""",
        """{"amount":10,"color":"Red","lines":[{"quantity":2,"sku":"x"}],"note":null,"zone":"eu"}""")]
    [TestCase("Mixed", "a", "5", "a:5:Mixed:tx1:False")]
    public async Task InvokeAsync_ValidArgument_BindsAndEchoes(string function, params string[] argumentsThenExpected)
    {
        // Arrange
        var arguments = argumentsThenExpected[..^1];
        var expected = argumentsThenExpected[^1];

        // Act
        var response = await Router.InvokeAsync(["types:" + function, .. arguments]);

        // Assert
        Assert.That(response.Message, Is.Empty);
        Assert.That((response.Status, response.Text()), Is.EqualTo((200, expected)));
    }

    [Test]
    public async Task InvokeAsync_ByteArrayParameter_ReceivesTheRawBytes()
    {
        // Arrange: not valid UTF-8, so only a raw binding keeps it.
        byte[] raw = [0xff, 0x00, 0xfe, 0x41];
        var stub = InMemoryStub.Create(new SortedDictionary<string, byte[]>(StringComparer.Ordinal), "types:Bytes"u8.ToArray(), raw);

        // Act
        var response = await Router.InvokeAsync(stub.Stub, CancellationToken.None);

        // Assert
        Assert.That(response.Payload.ToArray(), Is.EqualTo(raw));
    }

    [Test]
    public async Task InvokeAsync_CancellationTokenParameter_IsTheTransactionsToken()
    {
        // Arrange
        using var cancellation = new CancellationTokenSource();
        var router = ContractRouter.Create([new ResultsContract()]);
        var running = router.InvokeAsync(InMemoryStub.Create("WaitForCancellation").Stub, cancellation.Token);

        // Act
        await cancellation.CancelAsync();

        // Assert
        Assert.That(async () => await running, Throws.InstanceOf<OperationCanceledException>());
    }

    [TestCase(new string[] { "only" }, "only|null|7|Blue")]
    [TestCase(new string[] { "a", "5" }, "a|5|7|Blue")]
    [TestCase(new string[] { "a", "5", "9", "Red" }, "a|5|9|Red")]
    public async Task InvokeAsync_OptionalArgumentsOmitted_UseTheDefaults(string[] arguments, string expected)
    {
        // Act
        var response = await Router.InvokeAsync(["types:Optional", .. arguments]);

        // Assert
        Assert.That(response.Text(), Is.EqualTo(expected));
    }

    [TestCase("Int", "abc", "argument 'value' of Int: 'abc' is not an integer")]
    [TestCase("Int", "1.5", "argument 'value' of Int: '1.5' is not an integer")]
    [TestCase("Int", " 1", "argument 'value' of Int: ' 1' is not an integer")]
    [TestCase("Int", "", "argument 'value' of Int: '' is not an integer")]
    [TestCase("Int", "2147483648", "argument 'value' of Int: '2147483648' is out of range for int (-2147483648 to 2147483647)")]
    [TestCase("Byte", "256", "argument 'value' of Byte: '256' is out of range for byte (0 to 255)")]
    [TestCase("ULong", "-1", "argument 'value' of ULong: '-1' is out of range for ulong (0 to 18446744073709551615)")]
    [TestCase("Bool", "True", "argument 'value' of Bool: 'True' is not a boolean (true or false)")]
    [TestCase("Enum", "green", "argument 'value' of Enum: 'green' is not one of Red, Green, Blue")]
    [TestCase("Enum", "1", "argument 'value' of Enum: '1' is not one of Red, Green, Blue")]
    [TestCase("NamedEnum", "ExtraLarge", "argument 'value' of NamedEnum: 'ExtraLarge' is not one of small, extra-large, Medium")]
    [TestCase("Date", "2026-02-30", "argument 'value' of Date: '2026-02-30' is not a date (YYYY-MM-DD)")]
    [TestCase("Guid", "nope", "argument 'value' of Guid: 'nope' is not a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)")]
    [TestCase("Nullable", "", "argument 'value' of Nullable: '' is not an integer")]
    [TestCase("Optional", "a", "x", "argument 'second' of Optional: 'x' is not an integer")]
    [TestCase("Mixed", "a", "b", "argument 'b' of Mixed: 'b' is not an integer")]
    public async Task InvokeAsync_ScalarThatDoesNotFit_NamesArgumentTransactionAndReason(string function, params string[] argumentsThenMessage)
    {
        // Act
        var response = await Router.InvokeAsync(["types:" + function, .. argumentsThenMessage[..^1]]);

        // Assert
        Assert.That((response.Status, response.Message), Is.EqualTo((500, argumentsThenMessage[^1])));
    }

    [Test]
    public async Task InvokeAsync_LongArgumentInMessage_IsShortened()
    {
        // Act
        var response = await Router.InvokeAsync("types:Int", new string('9', 100) + "x");

        // Assert
        Assert.That(response.Message, Is.EqualTo($"argument 'value' of Int: '{new string('9', 61)}...' is not an integer"));
    }

    [Test]
    public async Task InvokeAsync_StringThatIsNotUtf8_IsRefused()
    {
        // Arrange
        var stub = InMemoryStub.Create(new SortedDictionary<string, byte[]>(StringComparer.Ordinal), "types:Echo"u8.ToArray(), [0xc3, 0x28]);

        // Act
        var response = await Router.InvokeAsync(stub.Stub, CancellationToken.None);

        // Assert
        Assert.That(response.Message, Is.EqualTo("argument 'value' of Echo: is not valid UTF-8"));
    }

    [TestCase("""{"zone":"eu","amount":1.5,"color":"Red","lines":[]}""", "$.amount must be an integer from -9223372036854775808 to 9223372036854775807")]
    [TestCase("""{"zone":"eu","amount":1e3,"color":"Red","lines":[]}""", "$.amount must be an integer from -9223372036854775808 to 9223372036854775807")]
    [TestCase("""{"zone":"eu","amount":"10","color":"Red","lines":[]}""", "$.amount must be an integer from -9223372036854775808 to 9223372036854775807")]
    [TestCase("""{"zone":"eu","amount":1,"color":"Red","lines":[{"sku":"a","quantity":2.5}]}""", "$.lines[0].quantity must be an integer from -2147483648 to 2147483647")]
    [TestCase("""{"zone":"eu","amount":1,"color":"Purple","lines":[]}""", "$.color must be one of Red, Green, Blue")]
    [TestCase("""{"zone":"eu","amount":1,"color":0,"lines":[]}""", "$.color must be one of Red, Green, Blue")]
    [TestCase("""{"zone":7,"amount":1,"color":"Red","lines":[]}""", "$.zone must be a string")]
    [TestCase("""{"zone":"eu","amount":1,"color":"Red","lines":{}}""", "$.lines must be an array")]
    [TestCase("""{"zone":"eu","amount":1,"color":"Red","lines":[],"extra":true}""", "$.extra: The JSON property 'extra' could not be mapped")]
    [TestCase("""{"zone":"eu","amount":1,"color":"Red"}""", "$: JSON deserialization for type 'Order' was missing required properties including: 'lines'.")]
    [TestCase("""{"zone":null,"amount":1,"color":"Red","lines":[]}""", "$.zone: The constructor parameter 'Zone' on type 'Order' doesn't allow null values.")]
    [TestCase("""{"zone":"eu","zone":"us","amount":1,"color":"Red","lines":[]}""", "$.zone: Duplicate")]
    [TestCase("""not json""", "$: 'not json' is an invalid JSON literal.")]
    [TestCase("""{"zone":"eu","amount":1,"color":"Red","lines":[]} trailing""", "'t' is invalid after a single JSON value")]
    public async Task InvokeAsync_JsonThatDoesNotFit_IsRefusedSayingWhy(string json, string reason)
    {
        // Act
        var response = await Router.InvokeAsync("types:Record", json);

        // Assert
        Assert.That(response.Status, Is.EqualTo(500));
        Assert.That(response.Message, Does.StartWith("argument 'value' of Record: is not a valid Order: "));
        Assert.That(response.Message, Does.Contain(reason));
    }

    [Test]
    public async Task InvokeAsync_JsonNull_IsRefused()
    {
        // Act
        var response = await Router.InvokeAsync("types:Record", "null");

        // Assert
        Assert.That(response.Message, Is.EqualTo("argument 'value' of Record: is null; a Order is required"));
    }

    [Test]
    public async Task InvokeAsync_DuplicateDictionaryKey_IsRefused()
    {
        // Act
        var response = await Router.InvokeAsync("types:Map", """{"a":1,"a":2}""");

        // Assert
        Assert.That(response.Message, Does.Contain("The key 'a' appears twice."));
    }

    [TestCase(new string[0], "Int takes 1 argument(s) (value), got 0")]
    [TestCase(new[] { "1", "2" }, "Int takes 1 argument(s) (value), got 2")]
    public async Task InvokeAsync_WrongArgumentCount_SaysHowManyAndWhich(string[] arguments, string expected)
    {
        // Act
        var response = await Router.InvokeAsync(["types:Int", .. arguments]);

        // Assert
        Assert.That((response.Status, response.Message), Is.EqualTo((500, expected)));
    }

    [Test]
    public async Task InvokeAsync_TooManyOptionalArguments_GivesTheRange()
    {
        // Act
        var response = await Router.InvokeAsync("types:Optional", "a", "1", "2", "Red", "extra");

        // Assert
        Assert.That(response.Message, Is.EqualTo("Optional takes 1 to 4 argument(s) (first, second, third, fourth), got 5"));
    }

    [Test]
    public async Task InvokeAsync_ContractChoosesThePrefix_MessageCarriesIt()
    {
        // Arrange
        var router = ContractRouter.Create([new BillsContract()]);

        // Act
        var badValue = await router.InvokeAsync("IssueBill", "b1", "abc");
        var badCount = await router.InvokeAsync("IssueBill", "b1");

        // Assert
        Assert.That(badValue.Message, Is.EqualTo("INVALID_ARGUMENT: argument 'amount' of IssueBill: 'abc' is not an integer"));
        Assert.That(badCount.Message, Is.EqualTo("INVALID_ARGUMENT: IssueBill takes 2 argument(s) (id, amount), got 1"));
    }

    [Test]
    public async Task FormatArgumentError_ReceivesTheDetails()
    {
        // Arrange
        var contract = new CapturingContract();
        var router = ContractRouter.Create([contract]);

        // Act
        await router.InvokeAsync("Pay", "x", "ten");

        // Assert
        var error = contract.Error!;
        Assert.That(error.Kind, Is.EqualTo(TransactionArgumentErrorKind.Value));
        Assert.That((error.ContractName, error.TransactionName, error.ParameterName, error.ArgumentIndex, error.ActualCount),
            Is.EqualTo(("CapturingContract", "Pay", "amount", 1, 2)));
        Assert.That(error.Reason, Is.EqualTo("'ten' is not an integer"));
        Assert.That(error.ToString(), Is.EqualTo(error.Message));
    }

    private sealed class CapturingContract : ContractBase
    {
        public TransactionArgumentError? Error { get; private set; }

#pragma warning disable CA1822 // A transaction is an instance method.
        [Transaction]
        public string Pay(string to, long amount) => to + amount.ToString(System.Globalization.CultureInfo.InvariantCulture);
#pragma warning restore CA1822

        public override string FormatArgumentError(TransactionArgumentError argumentError)
        {
            Error = argumentError;
            return Encoding.UTF8.GetString("captured"u8);
        }
    }
}
