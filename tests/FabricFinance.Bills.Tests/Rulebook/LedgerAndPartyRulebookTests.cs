using System.Text.Json.Nodes;
using FabricFinance.Bills.Tests.Support;

namespace FabricFinance.Bills.Tests.Rulebook;

/// <summary>
/// BILLS.md "Parties and roles" and the rows InitLedger, RegisterParty, SetPartyStatus: bootstrap by
/// the exchange MSP's admin, once; admission by the exchange; resolution of the caller's party (exact
/// subject first, then the MSP's institution; a suspended exact match does not fall back).
/// </summary>
[TestFixture]
public sealed class LedgerAndPartyRulebookTests
{
    public static IEnumerable<TestCaseData> InitLedgerCallers()
    {
        yield return new TestCaseData(Cast.ExchangeAdmin, null).SetName("InitLedger_ExchangeAdmin_Succeeds");
        yield return new TestCaseData(Cast.Exchange, "FORBIDDEN").SetName("InitLedger_ExchangeClient_Forbidden");
        yield return new TestCaseData(Cast.ExchangePeer, "FORBIDDEN").SetName("InitLedger_ExchangePeer_Forbidden");
        yield return new TestCaseData(Cast.BankAAdmin, "FORBIDDEN").SetName("InitLedger_AdminOfAnotherMsp_Forbidden");
        yield return new TestCaseData(Cast.Outsider, "FORBIDDEN").SetName("InitLedger_Outsider_Forbidden");
    }

    [TestCaseSource(nameof(InitLedgerCallers))]
    [CancelAfter(10_000)]
    public async Task InitLedger_Caller_Outcome(string actor, string? expectedCode)
    {
        // Arrange
        var market = await BillMarketHarness.StartAsync(MarketSetup.Deployed);
        var config = Args.Json(Cast.Config);

        // Act + Assert
        if (expectedCode is not null)
        {
            await Expect.RefusedUnchangedAsync(market, actor, "InitLedger", [config], expectedCode);
            return;
        }

        var result = await market.SubmitAsync(actor, "InitLedger", config);
        Expect.OneEvent(market, 0, result, "LedgerInitialized");
        var exchange = await market.GetPartyAsync(Cast.Exchange);
        var regulator = await market.GetPartyAsync(Cast.Regulator);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(JsonNode.DeepEquals(JsonNode.Parse(result.PayloadText), JsonNode.Parse(config)), Is.True, () => $"InitLedger returns the config; got {result.PayloadText}");
            Assert.That(exchange, Is.EqualTo(new Party(Cast.Exchange, PartyKind.Exchange, Cast.ExchangeMsp, null, Cast.Config.Exchange.Name, PartyStatus.Active)));
            Assert.That(regulator, Is.EqualTo(new Party(Cast.Regulator, PartyKind.Regulator, Cast.RegulatorMsp, null, Cast.Config.Regulator.Name, PartyStatus.Active)));
        }
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task InitLedger_SecondCall_AlreadyExists()
    {
        // Arrange
        var market = await BillMarketHarness.StartAsync(MarketSetup.Initialized);

        // Act + Assert
        await Expect.RefusedUnchangedAsync(market, Cast.ExchangeAdmin, "InitLedger", [Args.Json(Cast.Config)], "ALREADY_EXISTS");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task InitLedger_SecondCallByNonAdmin_ForbiddenBeforeAlreadyExists()
    {
        // Arrange
        var market = await BillMarketHarness.StartAsync(MarketSetup.Initialized);

        // Act + Assert
        await Expect.RefusedUnchangedAsync(market, Cast.Exchange, "InitLedger", [Args.Json(Cast.Config)], "FORBIDDEN");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task InitLedger_ConfigNamingAnotherExchangeMsp_ForbiddenForThisAdmin()
    {
        // Arrange: the config names BankAMSP as the exchange's MSP, so only BankAMSP's admins may call it.
        var market = await BillMarketHarness.StartAsync(MarketSetup.Deployed);
        var config = Args.Json(Cast.Config with { ExchangeMspId = Cast.BankAMsp });

        // Act + Assert
        await Expect.RefusedUnchangedAsync(market, Cast.ExchangeAdmin, "InitLedger", [config], "FORBIDDEN");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Submit_BeforeInitLedger_Forbidden()
    {
        // Arrange
        var market = await BillMarketHarness.StartAsync(MarketSetup.Deployed);

        // Act + Assert: no party exists, so no caller has an active party (the exchange included).
        await Expect.RefusedUnchangedAsync(market, Cast.Exchange, "RegisterParty", [Args.Json(Cast.Registrations[0])], "FORBIDDEN");
    }

    public static IEnumerable<TestCaseData> RegisterPartyCallers()
    {
        yield return new TestCaseData(Cast.Exchange, null).SetName("RegisterParty_Exchange_Succeeds");
        foreach (var actor in new[] { Cast.Regulator, Cast.BankA, Cast.CoreCorp, Cast.SupplierA, Cast.Stranger, Cast.Outsider })
        {
            yield return new TestCaseData(actor, "FORBIDDEN").SetName($"RegisterParty_{actor}_Forbidden");
        }
    }

    [TestCaseSource(nameof(RegisterPartyCallers))]
    [CancelAfter(10_000)]
    public async Task RegisterParty_Caller_Outcome(string actor, string? expectedCode)
    {
        // Arrange
        var market = await BillMarketHarness.StartAsync();
        var registration = new PartyRegistration("NewCo", PartyKind.Enterprise, Cast.EnterpriseMsp, "New Company", "CN=User7@enterprise.example.com,OU=client,L=San Francisco,ST=California,C=US");

        // Act + Assert
        if (expectedCode is not null)
        {
            await Expect.RefusedUnchangedAsync(market, actor, "RegisterParty", [Args.Json(registration)], expectedCode);
            return;
        }

        var events = market.Ledger.Events.Count;
        var result = await market.SubmitAsync(actor, "RegisterParty", Args.Json(registration));
        Expect.OneEvent(market, events, result, "PartyRegistered");
        var expected = new Party("NewCo", PartyKind.Enterprise, Cast.EnterpriseMsp, registration.Subject, "New Company", PartyStatus.Active);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Read.Party(result), Is.EqualTo(expected));
            Assert.That(await market.GetPartyAsync("NewCo"), Is.EqualTo(expected));
        }
    }

    public static IEnumerable<TestCaseData> DuplicateRegistrations()
    {
        yield return new TestCaseData(new PartyRegistration(Cast.SupplierA, PartyKind.Enterprise, Cast.EnterpriseMsp, "Again", "CN=User8@enterprise.example.com,OU=client,L=San Francisco,ST=California,C=US"))
            .SetName("RegisterParty_SameId_AlreadyExists");
        yield return new TestCaseData(new PartyRegistration("SupplierA2", PartyKind.Enterprise, Cast.EnterpriseMsp, "Twin", Cast.SubjectOf(Cast.SupplierA)))
            .SetName("RegisterParty_SameMspAndSubject_AlreadyExists");
        yield return new TestCaseData(new PartyRegistration("BankA2", PartyKind.Bank, Cast.BankAMsp, "Second institution of BankAMSP"))
            .SetName("RegisterParty_SecondInstitutionOfAnMsp_AlreadyExists");
        yield return new TestCaseData(new PartyRegistration("Exchange2", PartyKind.Bank, Cast.ExchangeMsp, "Second institution of ExchangeMSP"))
            .SetName("RegisterParty_SecondInstitutionOfExchangeMsp_AlreadyExists");
    }

    [TestCaseSource(nameof(DuplicateRegistrations))]
    [CancelAfter(10_000)]
    public async Task RegisterParty_Duplicate_AlreadyExists(PartyRegistration registration)
    {
        // Arrange
        var market = await BillMarketHarness.StartAsync();

        // Act + Assert
        await Expect.RefusedUnchangedAsync(market, Cast.Exchange, "RegisterParty", [Args.Json(registration)], "ALREADY_EXISTS");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task RegisterParty_OtherSubjectOfSameMsp_Succeeds()
    {
        // Arrange
        var market = await BillMarketHarness.StartAsync();
        var registration = new PartyRegistration("SupplierD", PartyKind.Enterprise, Cast.BankAMsp, "Supplier D", "CN=User4@banka.example.com,OU=client,L=San Francisco,ST=California,C=US");

        // Act
        var result = await market.SubmitAsync(Cast.Exchange, "RegisterParty", Args.Json(registration));

        // Assert
        Expect.Success(result);
    }

    public static IEnumerable<TestCaseData> StatusChanges()
    {
        yield return new TestCaseData(Cast.Exchange, Cast.SupplierA, "suspended", null).SetName("SetPartyStatus_ExchangeSuspendsEnterprise_Succeeds");
        yield return new TestCaseData(Cast.Exchange, Cast.BankB, "suspended", null).SetName("SetPartyStatus_ExchangeSuspendsBank_Succeeds");
        yield return new TestCaseData(Cast.Exchange, Cast.Dormant, "active", null).SetName("SetPartyStatus_ExchangeReactivates_Succeeds");
        yield return new TestCaseData(Cast.Exchange, Cast.Exchange, "suspended", "INVALID_ARGUMENT").SetName("SetPartyStatus_SuspendExchange_InvalidArgument");
        yield return new TestCaseData(Cast.Exchange, Cast.Regulator, "suspended", "INVALID_ARGUMENT").SetName("SetPartyStatus_SuspendRegulator_InvalidArgument");
        yield return new TestCaseData(Cast.Exchange, "Ghost", "suspended", "NOT_FOUND").SetName("SetPartyStatus_UnknownParty_NotFound");
        yield return new TestCaseData(Cast.Exchange, Cast.SupplierA, "frozen", "INVALID_ARGUMENT").SetName("SetPartyStatus_UnknownStatus_InvalidArgument");
        yield return new TestCaseData(Cast.Exchange, Cast.SupplierA, string.Empty, "INVALID_ARGUMENT").SetName("SetPartyStatus_EmptyStatus_InvalidArgument");
        yield return new TestCaseData(Cast.Exchange, "bad id!", "suspended", "INVALID_ARGUMENT").SetName("SetPartyStatus_MalformedId_InvalidArgument");
        yield return new TestCaseData(Cast.BankA, Cast.SupplierA, "suspended", "FORBIDDEN").SetName("SetPartyStatus_Bank_Forbidden");
        yield return new TestCaseData(Cast.Regulator, Cast.SupplierA, "suspended", "FORBIDDEN").SetName("SetPartyStatus_Regulator_Forbidden");
        yield return new TestCaseData(Cast.SupplierA, Cast.SupplierA, "suspended", "FORBIDDEN").SetName("SetPartyStatus_Self_Forbidden");
        yield return new TestCaseData(Cast.Stranger, Cast.SupplierA, "suspended", "FORBIDDEN").SetName("SetPartyStatus_Unregistered_Forbidden");
        yield return new TestCaseData(Cast.Dormant, Cast.Dormant, "active", "FORBIDDEN").SetName("SetPartyStatus_SuspendedReactivatesItself_Forbidden");
        yield return new TestCaseData(Cast.SupplierA, "Ghost", "suspended", "NOT_FOUND").SetName("SetPartyStatus_UnknownPartyByNonExchange_NotFoundBeforeForbidden");
    }

    [TestCaseSource(nameof(StatusChanges))]
    [CancelAfter(10_000)]
    public async Task SetPartyStatus_CallerAndTarget_Outcome(string actor, string partyId, string status, string? expectedCode)
    {
        // Arrange
        var market = await BillMarketHarness.StartAsync();

        // Act + Assert
        if (expectedCode is not null)
        {
            await Expect.RefusedUnchangedAsync(market, actor, "SetPartyStatus", [partyId, status], expectedCode);
            return;
        }

        var events = market.Ledger.Events.Count;
        var result = await market.SubmitAsync(actor, "SetPartyStatus", partyId, status);
        Expect.OneEvent(market, events, result, "PartyStatusChanged");
        var party = Read.Party(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(party.Id, Is.EqualTo(partyId));
            Assert.That(party.Status, Is.EqualTo(status == "active" ? PartyStatus.Active : PartyStatus.Suspended));
            Assert.That(await market.GetPartyAsync(partyId), Is.EqualTo(party));
        }
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task CallerResolution_UnregisteredSubjectOfBankMsp_ActsForTheBank()
    {
        // Arrange: BankAStaff has no party of its own; the institution of BankAMSP is BankA.
        var market = await BillMarketHarness.StartAsync();
        await market.IssueStandardAsync();

        // Act
        var result = await market.SubmitAsync(Cast.BankAStaff, "AcceptBill", BillMarketHarness.StandardBillId);

        // Assert
        Expect.Success(result);
        Assert.That(Read.Bill(result).Status, Is.EqualTo(BillStatus.Active));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task CallerResolution_ExactSubjectMatch_ActsForTheEnterpriseNotTheBank()
    {
        // Arrange: CoreCorp is a subject of BankAMSP, so its identity is CoreCorp, not the acceptor BankA.
        var market = await BillMarketHarness.StartAsync();
        await market.IssueStandardAsync();

        // Act + Assert
        await Expect.RefusedUnchangedAsync(market, Cast.CoreCorp, "AcceptBill", [BillMarketHarness.StandardBillId], "FORBIDDEN");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task CallerResolution_SuspendedExactMatch_DoesNotFallBackToTheInstitution()
    {
        // Arrange: CoreCorp (BankAMSP subject) suspended; BankA, the institution of its MSP, may accept.
        var market = await BillMarketHarness.StartAsync();
        await market.IssueStandardAsync();
        await market.SuspendAsync(Cast.CoreCorp);

        // Act + Assert
        await Expect.RefusedUnchangedAsync(market, Cast.CoreCorp, "AcceptBill", [BillMarketHarness.StandardBillId], "FORBIDDEN");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task CallerResolution_SuspendedInstitution_ItsStaffMayNotAct()
    {
        // Arrange
        var market = await BillMarketHarness.StartAsync();
        await market.IssueStandardAsync();
        await market.SuspendAsync(Cast.BankA);

        // Act + Assert
        await Expect.RefusedUnchangedAsync(market, Cast.BankAStaff, "AcceptBill", [BillMarketHarness.StandardBillId], "FORBIDDEN");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task CallerResolution_ReactivatedParty_MayActAgain()
    {
        // Arrange
        var market = await BillMarketHarness.StartAsync();
        await market.IssueStandardAsync();
        await market.SuspendAsync(Cast.BankA);
        await market.ReactivateAsync(Cast.BankA);

        // Act
        var result = await market.SubmitAsync(Cast.BankA, "AcceptBill", BillMarketHarness.StandardBillId);

        // Assert
        Expect.Success(result);
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task SuspendedParty_AnySubmit_Forbidden()
    {
        // Arrange: Dormant is a suspended enterprise; issuing is what an active enterprise may do.
        var market = await BillMarketHarness.StartAsync();

        // Act + Assert
        await Expect.RefusedUnchangedAsync(market, Cast.Dormant, "IssueBill", [Args.Issue("B9", Cast.SupplierA, Cast.BankA, 100, BillMarketHarness.StandardDueDate)], "FORBIDDEN");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task ListParties_AnyCaller_AllParties()
    {
        // Arrange
        var market = await BillMarketHarness.StartAsync();

        // Act
        var result = await market.EvaluateAsync(Cast.Stranger, "ListParties");

        // Assert
        Expect.Success(result);
        var parties = Read.Parties(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(parties.Select(p => p.Id), Is.EquivalentTo(Cast.Parties));
            Assert.That(parties.Single(p => p.Id == Cast.Dormant).Status, Is.EqualTo(PartyStatus.Suspended));
            Assert.That(parties.Single(p => p.Id == Cast.CoreCorp), Is.EqualTo(new Party(Cast.CoreCorp, PartyKind.Enterprise, Cast.BankAMsp, Cast.SubjectOf(Cast.CoreCorp), "Core Corporation", PartyStatus.Active)));
            Assert.That(parties.Single(p => p.Id == Cast.BankA), Is.EqualTo(new Party(Cast.BankA, PartyKind.Bank, Cast.BankAMsp, null, "Bank A", PartyStatus.Active)));
        }
    }
}
