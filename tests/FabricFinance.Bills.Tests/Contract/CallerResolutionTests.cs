using FabricFinance.Chaincode.Testing;
using static FabricFinance.Bills.Tests.Contract.Infrastructure.ContractMarket;

namespace FabricFinance.Bills.Tests.Contract;

/// <summary>Who the caller is: exact (MSP, subject) first, then the MSP's institution; bootstrap by the exchange's admin.</summary>
[TestFixture]
[CancelAfter(30_000)]
public sealed class CallerResolutionTests
{
    private static readonly string Config = Json(new LedgerConfig(ExchangeMsp, new InstitutionInfo("Exchange", "X"), RegulatorMsp, new InstitutionInfo("Regulator", "R")));

    [Test]
    public async Task IssueBill_EnterpriseUnderABankMsp_ActsForTheEnterpriseNotTheBank()
    {
        // Arrange: CoreCorp's identity is of BankAMSP, whose institution party is BankA.
        var market = await StartAsync();

        // Act
        var bill = ReadBill(await market.MustAsync(CoreCorp, "IssueBill", Json(new IssueBillRequest("B1", BillKind.Bank, "Supplier", "BankA", 100, DueDate, true))));

        // Assert
        Assert.That((bill.Drawer, bill.Holder), Is.EqualTo(("CoreCorp", "CoreCorp")));
    }

    [Test]
    public async Task AcceptBill_AnyClientOfTheBanksMsp_ActsForTheInstitution()
    {
        // Arrange
        var market = await StartAsync();
        await market.MustAsync(CoreCorp, "IssueBill", Json(new IssueBillRequest("B1", BillKind.Bank, "Supplier", "BankA", 100, DueDate, true)));

        // Act: BankAStaff has no party of its own.
        var accepted = await market.SubmitAsync(BankAStaff, "AcceptBill", "B1");

        // Assert
        Assert.That(ReadBill(accepted).Status, Is.EqualTo(BillStatus.Active));
    }

    [Test]
    public async Task AcceptBill_PeerIdentityOfTheBanksMsp_DoesNotActForTheInstitution()
    {
        // Arrange
        var market = await StartAsync();
        await market.MustAsync(CoreCorp, "IssueBill", Json(new IssueBillRequest("B1", BillKind.Bank, "Supplier", "BankA", 100, DueDate, true)));

        // Act
        var result = await market.SubmitAsync(BankAPeer, "AcceptBill", "B1");

        // Assert
        Assert.That(result.Message, Does.StartWith("FORBIDDEN: only the acceptor BankA may accept bill B1; the caller (BankAMSP, CN=peer0.banka.example.com,OU=peer,"));
    }

    [Test]
    public async Task IssueBill_SuspendedExactMatch_DoesNotFallBackToTheInstitution()
    {
        // Arrange: CoreCorp suspended; its identity's MSP has the active institution BankA.
        var market = await StartAsync();
        await market.MustAsync(Exchange, "SetPartyStatus", "CoreCorp", "suspended");

        // Act
        var issued = await market.SubmitAsync(CoreCorp, "IssueBill", Json(new IssueBillRequest("B1", BillKind.Bank, "Supplier", "BankA", 100, DueDate, true)));

        // Assert
        Assert.That(issued.Message, Is.EqualTo("FORBIDDEN: only an active enterprise may issue bill B1; the caller's party CoreCorp is suspended."));
    }

    [Test]
    public async Task Submit_CallerWithNoParty_IsForbiddenButMayEvaluatePublicQueries()
    {
        // Arrange
        var market = await StartAsync();
        await market.IssueAcceptedAsync();

        // Act
        var submit = await market.SubmitAsync(Stranger, "PresentForPayment", "B1");
        var query = await market.EvaluateAsync(Stranger, "GetBill", "B1");

        // Assert
        Assert.That(submit.Message, Does.StartWith("FORBIDDEN: only the holder Supplier may present bill B1 for payment; the caller (EnterpriseMSP, CN=User7@enterprise.example.com,"));
        Assert.That(query.Status, Is.EqualTo(200));
    }

    [Test]
    public async Task RegisterParty_SameMspAndSubjectTwice_IsAlreadyExists()
    {
        // Arrange
        var market = await StartAsync();

        // Act
        var again = await market.SubmitAsync(Exchange, "RegisterParty", Json(new PartyRegistration("CoreCorp2", PartyKind.Enterprise, BankAMsp, "Twin", CoreCorp.ClientIdentity.Subject)));
        var institution = await market.SubmitAsync(Exchange, "RegisterParty", Json(new PartyRegistration("BankA2", PartyKind.Bank, BankAMsp, "Twin")));

        // Assert
        Assert.That(again.Message, Does.StartWith("ALREADY_EXISTS: party CoreCorp already acts for BankAMSP subject 'CN=User3@banka.example.com,OU=client,"));
        Assert.That(institution.Message, Is.EqualTo("ALREADY_EXISTS: party BankA is already the institution party of BankAMSP; party BankA2 cannot be another."));
    }

    [Test]
    public async Task InitLedger_AdminOfTheExchangeMsp_RegistersBothInstitutionsOnce()
    {
        // Arrange
        var market = await StartAsync(cast: false);

        // Act
        var first = await market.SubmitAsync(ExchangeAdmin, "InitLedger", Config);
        var second = await market.SubmitAsync(ExchangeAdmin, "InitLedger", Config);
        var parties = Read<List<Party>>(await market.EvaluateAsync(Stranger, "ListParties"));

        // Assert
        Assert.That(first.PayloadText, Is.EqualTo("""{"exchange":{"id":"Exchange","name":"X"},"exchangeMspId":"ExchangeMSP","regulator":{"id":"Regulator","name":"R"},"regulatorMspId":"RegulatorMSP"}"""));
        Assert.That(first.Event!.Name, Is.EqualTo("LedgerInitialized"));
        Assert.That(second.Message, Is.EqualTo("ALREADY_EXISTS: the ledger is already initialized, with the exchange Exchange and the regulator Regulator."));
        Assert.That(parties, Is.EqualTo(new[]
        {
            new Party("Exchange", PartyKind.Exchange, ExchangeMsp, null, "X", PartyStatus.Active),
            new Party("Regulator", PartyKind.Regulator, RegulatorMsp, null, "R", PartyStatus.Active),
        }));
    }

    [Test]
    public async Task InitLedger_ClientOfTheExchangeOrAdminOfAnotherMsp_IsForbidden()
    {
        // Arrange
        var market = await StartAsync(cast: false);
        var bankAdmin = TestIdentity.Create(BankAMsp, "Admin@banka.example.com", TestIdentityRole.Admin);
        var height = market.Ledger.Height;

        // Act
        var client = await market.SubmitAsync(Exchange, "InitLedger", Config);
        var otherAdmin = await market.SubmitAsync(bankAdmin, "InitLedger", Config);

        // Assert
        Assert.That(client.Message, Is.EqualTo("FORBIDDEN: only an admin of ExchangeMSP may initialize the ledger for the exchange Exchange; the caller is not an admin of ExchangeMSP."));
        Assert.That(otherAdmin.Message, Is.EqualTo("FORBIDDEN: only an admin of ExchangeMSP may initialize the ledger for the exchange Exchange; the caller is an admin of BankAMSP."));
        Assert.That(market.Ledger.Height, Is.EqualTo(height));
    }

    [Test]
    public async Task SetPartyStatus_ReactivatedEnterprise_ActsAgain()
    {
        // Arrange
        var market = await StartAsync();
        await market.MustAsync(Exchange, "SetPartyStatus", "CoreCorp", "suspended");

        // Act
        await market.MustAsync(Exchange, "SetPartyStatus", "CoreCorp", "active");
        var issued = await market.SubmitAsync(CoreCorp, "IssueBill", Json(new IssueBillRequest("B1", BillKind.Bank, "Supplier", "BankA", 100, DueDate, true)));

        // Assert
        Assert.That(issued.IsSuccess, Is.True, issued.Message);
    }
}
