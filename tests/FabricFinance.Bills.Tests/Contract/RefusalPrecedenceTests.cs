using static FabricFinance.Bills.Tests.Contract.Infrastructure.ContractMarket;

namespace FabricFinance.Bills.Tests.Contract;

/// <summary>Spot checks of the error precedence where two codes meet (the rulebook tests cover it exhaustively).</summary>
[TestFixture]
[CancelAfter(30_000)]
public sealed class RefusalPrecedenceTests
{
    [Test]
    public async Task EndorseBill_BankEndorseeAndMissingBill_NamedPartyKindComesFirst()
    {
        // Arrange
        var market = await StartAsync();

        // Act
        var result = await market.SubmitAsync(Supplier, "EndorseBill", "NoSuchBill", "BankA");

        // Assert
        Assert.That(result.Message, Is.EqualTo("INVALID_ARGUMENT: party BankA (endorsee of bill NoSuchBill) is a bank, not an enterprise."));
    }

    [Test]
    public async Task EndorseBill_MissingEndorseeAndAmountTooLarge_ContradictionComesBeforeMissingParty()
    {
        // Arrange
        var market = await StartAsync();
        await market.IssueAcceptedAsync(amount: 100);

        // Act
        var tooLarge = await market.SubmitAsync(BankA, "EndorseBill", "B1", "Nobody", "100");
        var missing = await market.SubmitAsync(BankA, "EndorseBill", "B1", "Nobody", "50");

        // Assert: BankA is not the holder, but FORBIDDEN comes after both.
        Assert.That(tooLarge.Message, Does.StartWith("INVALID_ARGUMENT: amount 100 is not below the amount 100 of bill B1"));
        Assert.That(missing.Message, Is.EqualTo("NOT_FOUND: party Nobody (endorsee of bill B1) does not exist."));
    }

    [Test]
    public async Task IssueBill_PayeeIsTheDrawer_IsInvalidArgument()
    {
        // Arrange
        var market = await StartAsync();

        // Act
        var result = await market.SubmitAsync(CoreCorp, "IssueBill", Json(new IssueBillRequest("B1", BillKind.Bank, "CoreCorp", "BankA", 100, DueDate, true)));

        // Assert
        Assert.That(result.Message, Is.EqualTo("INVALID_ARGUMENT: payee CoreCorp of bill B1 is its drawer; a bill is issued to another enterprise."));
    }

    [Test]
    public async Task SetPartyStatus_SuspendTheExchangeByAnyone_IsInvalidArgument()
    {
        // Arrange
        var market = await StartAsync();

        // Act
        var result = await market.SubmitAsync(Supplier, "SetPartyStatus", "Exchange", "suspended");

        // Assert
        Assert.That(result.Message, Is.EqualTo("INVALID_ARGUMENT: party Exchange is the exchange and cannot be suspended."));
    }

    [Test]
    public async Task CancelDeal_ClosedDealOfAFrozenBill_DealStatusComesBeforeFrozen()
    {
        // Arrange
        var market = await StartAsync();
        await market.IssueAcceptedAsync();
        await market.MustAsync(Supplier, "RequestDiscount", [Json(new DealRequest("D1", "B1", "BankB"))], Terms(300));
        await market.MustAsync(Supplier, "CancelDeal", "D1", "first try");
        await market.MustAsync(Supplier, "RequestDiscount", [Json(new DealRequest("D2", "B1", "BankB"))], Terms(300));
        await market.MustAsync(Exchange, "FreezeBill", "B1", "court order");

        // Act
        var closed = await market.SubmitAsync(Supplier, "CancelDeal", "D1", "again");
        var open = await market.SubmitAsync(Supplier, "CancelDeal", "D2", "again");
        var accept = await market.SubmitAsync(BankB, "AcceptDeal", "D2");

        // Assert
        Assert.That(closed.Message, Is.EqualTo("INVALID_STATE: deal D1 is Cancelled, which is final; it cannot be cancelled."));
        Assert.That(open.Message, Is.EqualTo("FROZEN: bill B1 is frozen by the exchange ('court order')."));
        Assert.That(accept.Message, Is.EqualTo("FROZEN: bill B1 is frozen by the exchange ('court order')."));
    }

    [Test]
    public async Task EndorseBill_FrozenThenNotTransferableThenOverdue_InThatOrder()
    {
        // Arrange: a non-transferable bill, past its due date, frozen.
        var market = await StartAsync();
        await market.IssueAcceptedAsync(dueDate: new DateOnly(2026, 3, 10), transferable: false);
        await market.IssueAcceptedAsync(id: "B2", dueDate: new DateOnly(2026, 3, 10));
        market.Now = market.Now.AddDays(10);
        await market.MustAsync(Exchange, "FreezeBill", "B1", "court order");

        // Act
        var frozen = await market.SubmitAsync(Supplier, "EndorseBill", "B1", "Supplier2");
        await market.MustAsync(Exchange, "UnfreezeBill", "B1", "lifted");
        var notTransferable = await market.SubmitAsync(Supplier, "EndorseBill", "B1", "Supplier2");
        var overdue = await market.SubmitAsync(Supplier, "EndorseBill", "B2", "Supplier2");

        // Assert
        Assert.That(frozen.Message, Does.StartWith("FROZEN: "));
        Assert.That(notTransferable.Message, Is.EqualTo("NOT_TRANSFERABLE: bill B1 is marked not transferable; it cannot be endorsed."));
        Assert.That(overdue.Message, Is.EqualTo("OVERDUE: bill B2 fell due on 2026-03-10; on 2026-03-12 it can no longer be endorsed, only presented for payment."));
    }

    [Test]
    public async Task UnfreezeBill_RestoresTheStatusBeforeFreezing()
    {
        // Arrange
        var market = await StartAsync();
        await market.IssueAcceptedAsync();
        await market.MustAsync(Supplier, "RequestDiscount", [Json(new DealRequest("D1", "B1", "BankB"))], Terms(300));
        var frozen = ReadBill(await market.MustAsync(Exchange, "FreezeBill", "B1", "court order"));

        // Act
        var unfrozen = ReadBill(await market.MustAsync(Exchange, "UnfreezeBill", "B1", "lifted"));

        // Assert
        Assert.That((frozen.Status, frozen.FrozenFrom, frozen.DealId), Is.EqualTo((BillStatus.Frozen, (BillStatus?)BillStatus.InDeal, "D1")));
        Assert.That((unfrozen.Status, unfrozen.FrozenFrom, unfrozen.DealId, unfrozen.Reason), Is.EqualTo((BillStatus.InDeal, (BillStatus?)null, "D1", "lifted")));
    }

    [TestCase("""{"id":"P1","kind":"enterprise","mspId":"BankAMSP","name":"bad \ud800 name"}""", "INVALID_ARGUMENT: argument 'registration' of RegisterParty: is not a valid PartyRegistration: $.name must be a string.")]
    [TestCase("""{"id":"P1","kind":"enterprise","mspId":"BankAMSP","name":"P","subject":"User1"}""", "INVALID_ARGUMENT: subject 'User1' of party P1 is not a certificate subject")]
    [TestCase("""{"id":"P1","kind":"regulator","mspId":"BankAMSP","name":"P"}""", "INVALID_ARGUMENT: party P1 cannot be registered as regulator: the exchange and the regulator are registered once, by InitLedger.")]
    [TestCase("""{"id":"P1","kind":"bank","mspId":"Bank A","name":"P"}""", "INVALID_ARGUMENT: mspId of party P1 'Bank A' is not a valid MSP id")]
    public async Task RegisterParty_MalformedRegistration_IsInvalidArgument(string registration, string message)
    {
        // Arrange
        var market = await StartAsync();

        // Act
        var result = await market.SubmitAsync(Exchange, "RegisterParty", registration);

        // Assert
        Assert.That(result.Message, Does.StartWith(message));
    }
}
