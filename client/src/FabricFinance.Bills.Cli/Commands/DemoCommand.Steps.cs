using FabricFinance.Bills.Cli.Output;
using FabricFinance.Bills.Client;
using Spectre.Console;

namespace FabricFinance.Bills.Cli.Commands;

/// <summary>The demo's eight steps; each also checks that the ledger says what the rulebook promises.</summary>
internal sealed partial class DemoCommand
{
    private async Task OpenMarketAsync(DemoStage stage, DateOnly today, CancellationToken cancellationToken)
    {
        stage.MoveTo(today);
        var config = new InitSettings().Config;
        try
        {
            await stage.SubmitAsync(
                ExchangeAdmin,
                "InitLedger",
                $"exchange {Markup.Escape(config.Exchange.Id)} of {Markup.Escape(config.ExchangeMspId)}, regulator {Markup.Escape(config.Regulator.Id)} of {Markup.Escape(config.RegulatorMspId)}",
                (market, ct) => market.InitLedgerAsync(config, ct),
                cancellationToken);
        }
        catch (BillAlreadyExistsException)
        {
            stage.Said(ExchangeAdmin, "InitLedger", "already initialized, continuing");
        }

        PartyRegistration[] registrations =
        [
            new(BankA, PartyKind.Bank, stage.Identity(BankA).MspId, "Bank A"),
            new(BankB, PartyKind.Bank, stage.Identity(BankB).MspId, "Bank B"),
            await EnterpriseAsync(stage, CoreCorp, "Core Corp", cancellationToken),
            await EnterpriseAsync(stage, SupplierA, "Supplier A", cancellationToken),
            await EnterpriseAsync(stage, SupplierB, "Supplier B", cancellationToken),
        ];
        foreach (var registration in registrations)
        {
            await AdmitAsync(stage, registration, cancellationToken);
        }

        var parties = await stage.QueryAsync(Exchange, null, "ListParties", null, (market, ct) => market.ListPartiesAsync(ct), cancellationToken);
        DemoTables.Parties(Out, parties);
    }

    private static Task<PartyRegistration> EnterpriseAsync(DemoStage stage, string name, string displayName, CancellationToken cancellationToken) =>
        stage.Identity(name).EnterpriseRegistrationAsync(name, displayName, cancellationToken);

    /// <summary>Registers a party unless it is there already; a suspended one is made active again.</summary>
    private static async Task AdmitAsync(DemoStage stage, PartyRegistration registration, CancellationToken cancellationToken)
    {
        var id = registration.Id;
        var detail = $"{registration.Kind.ToString().ToLowerInvariant()} {Markup.Escape(registration.Name)}: "
            + (registration.Subject is null
                ? $"any client of {Markup.Escape(registration.MspId)}"
                : $"only the {Markup.Escape(registration.MspId)} certificate {Markup.Escape(DemoTables.CommonName(registration.Subject))}");
        var existing = await stage.ReadAsync(Exchange, (market, ct) => FindPartyAsync(market, id, ct), cancellationToken);
        if (existing is null)
        {
            await stage.SubmitAsync(Exchange, $"RegisterParty {Markup.Escape(id)}", detail, (market, ct) => market.RegisterPartyAsync(registration, ct), cancellationToken);
        }
        else if (existing.Status == PartyStatus.Suspended)
        {
            await stage.SubmitAsync(
                Exchange, $"SetPartyStatus {Markup.Escape(id)} active", "it was suspended", (market, ct) => market.SetPartyStatusAsync(id, PartyStatus.Active, ct), cancellationToken);
        }
        else
        {
            stage.Said(Exchange, $"RegisterParty {Markup.Escape(id)}", "already admitted, continuing");
        }
    }

    private static async Task<Party?> FindPartyAsync(BillMarketClient market, string partyId, CancellationToken cancellationToken)
    {
        try
        {
            return await market.GetPartyAsync(partyId, cancellationToken);
        }
        catch (BillNotFoundException)
        {
            return null;
        }
    }

    private async Task IssueAsync(DemoStage stage, DemoPlan plan, CancellationToken cancellationToken)
    {
        var id = Markup.Escape(plan.BillId);
        stage.MoveTo(plan.Start);
        var issued = await stage.SubmitAsync(
            CoreCorp,
            $"IssueBill {id}",
            $"bank bill of {Money.Yuan(DemoPlan.Amount)} to SupplierA, acceptor BankA, due {Format.Date(plan.Due)}",
            (market, ct) => market.IssueBillAsync(
                new IssueBillRequest(plan.BillId, BillKind.Bank, SupplierA, BankA, DemoPlan.Amount, plan.Due, Transferable: true), ct),
            cancellationToken);
        Tables.Bill(Out, issued.Value);

        stage.MoveTo(plan.AcceptDate);
        var accepted = await stage.SubmitAsync(BankA, $"AcceptBill {id}", null, (market, ct) => market.AcceptBillAsync(plan.BillId, ct), cancellationToken);
        Check(accepted.Value is { Status: BillStatus.Active, Holder: SupplierA }, $"{plan.BillId} should be Active with SupplierA after acceptance");
        Note($"{id} is {accepted.Value.Status}, held by {SupplierA}: BankA has promised to pay it at maturity.");
    }

    private async Task SplitAsync(DemoStage stage, DemoPlan plan, CancellationToken cancellationToken)
    {
        stage.MoveTo(plan.EndorseDate);
        var moved = await stage.SubmitAsync(
            SupplierA,
            $"EndorseBill {Markup.Escape(plan.BillId)}",
            $"{Money.Yuan(DemoPlan.EndorsedAmount)} of it to SupplierB",
            (market, ct) => market.EndorseBillAsync(plan.BillId, SupplierB, DemoPlan.EndorsedAmount, ct),
            cancellationToken);
        var parts = await ReadPartsAsync(stage, plan, cancellationToken);
        DemoTables.Parts(Out, $"{plan.BillId} and its parts", parts);
        Check(
            moved.Value.Id == plan.MovedPart && moved.Value.Holder == SupplierB
                && moved.Value.Range.SequenceEqual([1L, DemoPlan.EndorsedAmount])
                && parts[2].Range.SequenceEqual([DemoPlan.EndorsedAmount + 1, DemoPlan.Amount]) && parts[0].Status == BillStatus.Split,
            $"{plan.BillId} should have split into {plan.MovedPart} [1, {DemoPlan.EndorsedAmount}] and {plan.KeptPart} [{DemoPlan.EndorsedAmount + 1}, {DemoPlan.Amount}]");
        Note($"{Markup.Escape(plan.BillId)} is Split (final): {Markup.Escape(plan.MovedPart)} went to SupplierB, {Markup.Escape(plan.KeptPart)} stays with SupplierA.");
        Note("Together the two parts cover the bill's fen exactly once.");
    }

    private async Task<DealTerms> DiscountAsync(DemoStage stage, DemoPlan plan, CancellationToken cancellationToken)
    {
        var deal = Markup.Escape(plan.DiscountId);
        var part = Markup.Escape(plan.MovedPart);
        stage.MoveTo(plan.DiscountRequestDate);
        await stage.SubmitAsync(
            SupplierB,
            $"RequestDiscount {deal}",
            $"{part} to BankA at {DemoTables.Rate(DemoPlan.DiscountRateBps)}; the rate travels as transient data",
            (market, ct) => market.RequestDiscountAsync(new DealRequest(plan.DiscountId, plan.MovedPart, BankA), DemoPlan.DiscountRateBps, ct),
            cancellationToken);
        var locked = await stage.ReadAsync(SupplierB, (market, ct) => market.GetBillAsync(plan.MovedPart, ct), cancellationToken);
        Check(locked.Status == BillStatus.InDeal, $"{plan.MovedPart} should be InDeal while the discount is open");
        Note($"{part} is {locked.Status}: locked while the deal is open, so it cannot be sold twice.");

        stage.MoveTo(plan.DiscountSettleDate);
        await stage.SubmitAsync(BankA, $"AcceptDeal {deal}", "the terms are computed for today", (market, ct) => market.AcceptDealAsync(plan.DiscountId, ct), cancellationToken);
        var settled = await stage.SubmitAsync(
            Exchange,
            $"SettleDeal {deal}",
            $"payment {Markup.Escape(plan.DiscountPaymentRef)} confirmed, as transient data",
            (market, ct) => market.SettleDealAsync(plan.DiscountId, plan.DiscountPaymentRef, ct),
            cancellationToken);
        var bill = await stage.ReadAsync(Exchange, (market, ct) => market.GetBillAsync(plan.MovedPart, ct), cancellationToken);
        Check(
            settled.Value.Status == DealStatus.Settled && bill.Holder == BankA && bill.Trail[^1].TxId == settled.TransactionId,
            $"{plan.DiscountId} should be Settled and {plan.MovedPart} held by BankA, moved by the settling transaction");
        Note($"Delivery versus payment: in one transaction, {Markup.Escape(Format.ShortTx(settled.TransactionId))} in block {settled.BlockNumber}, the deal became Settled");
        Note($"and {part} passed SupplierB → BankA. The public deal record carries only the hash of the terms:");
        Tables.Deal(Out, settled.Value);

        var seen = await stage.QueryAsync(
            SupplierB,
            null,
            $"GetDealTerms {deal}",
            "the seller, checked against the public termsHash",
            (market, ct) => market.GetVerifiedDealTermsAsync(plan.DiscountId, ct),
            cancellationToken);
        Tables.Terms(Out, seen.Terms, seen.Deal);
        return seen.Terms;
    }

    private async Task ReadTermsAsync(DemoStage stage, DemoPlan plan, DealTerms sellersTerms, CancellationToken cancellationToken)
    {
        var deal = Markup.Escape(plan.DiscountId);
        var exchangeMsp = stage.Identity(Exchange).MspId;
        var regulators = await stage.QueryAsync(
            Regulator, exchangeMsp, $"GetDealTerms {deal}", null, (market, ct) => market.GetDealTermsAsync(plan.DiscountId, ct), cancellationToken);
        Check(regulators == sellersTerms, $"the regulator should read the same terms of {plan.DiscountId} as the seller");
        Note($"{DemoTables.Terms(regulators)}: the seller's terms, hash {Markup.Escape(regulators.ComputeHash()[..12])}…");
        Note("(the Regulator's peer runs no chaincode: it reads through the exchange's peer, which holds every deal's terms)");

        await stage.RefusedAsync<BillForbiddenException, DealTerms>(
            BankB, $"GetDealTerms {deal}", (market, ct) => market.GetDealTermsAsync(plan.DiscountId, ct), cancellationToken);
        var bankBMsp = stage.Identity(BankB).MspId;
        var sellerMsp = stage.Identity(SupplierB).MspId;
        var buyerMsp = stage.Identity(BankA).MspId;
        var collection = TermsCollections.For(sellerMsp, buyerMsp);
        Note(bankBMsp == sellerMsp || bankBMsp == buyerMsp
            ? $"BankB's peer stores these terms (collection {Markup.Escape(collection)}: SupplierB acts through {Markup.Escape(sellerMsp)}),"
            : $"BankB's peer holds only the hash of these terms ({Markup.Escape(collection)} is not its collection),");
        Note("but the contract answers per party: the seller, the buyer, the exchange and the regulator, no one else.");
    }

    private async Task RediscountAsync(DemoStage stage, DemoPlan plan, CancellationToken cancellationToken)
    {
        var deal = Markup.Escape(plan.RediscountId);
        var part = Markup.Escape(plan.MovedPart);
        stage.MoveTo(plan.RediscountRequestDate);
        await stage.SubmitAsync(
            BankA,
            $"RequestRediscount {deal}",
            $"{part} to BankB at {DemoTables.Rate(DemoPlan.RediscountRateBps)}",
            (market, ct) => market.RequestRediscountAsync(new DealRequest(plan.RediscountId, plan.MovedPart, BankB), DemoPlan.RediscountRateBps, ct),
            cancellationToken);
        stage.MoveTo(plan.RediscountSettleDate);
        await stage.SubmitAsync(BankB, $"AcceptDeal {deal}", null, (market, ct) => market.AcceptDealAsync(plan.RediscountId, ct), cancellationToken);
        var terms = await stage.QueryAsync(BankB, null, $"GetDealTerms {deal}", null, (market, ct) => market.GetDealTermsAsync(plan.RediscountId, ct), cancellationToken);
        Note($"the buyer reads the terms: {DemoTables.Terms(terms)}");
        var settled = await stage.SubmitAsync(
            Exchange,
            $"SettleDeal {deal}",
            $"payment {Markup.Escape(plan.RediscountPaymentRef)} confirmed",
            (market, ct) => market.SettleDealAsync(plan.RediscountId, plan.RediscountPaymentRef, ct),
            cancellationToken);
        var bill = await stage.ReadAsync(Exchange, (market, ct) => market.GetBillAsync(plan.MovedPart, ct), cancellationToken);
        Check(bill.Holder == BankB && bill.Trail[^1].TxId == settled.TransactionId, $"{plan.MovedPart} should be held by BankB, moved by the settling transaction");
        Note($"{part} passed BankA → BankB in the settling transaction, {Markup.Escape(Format.ShortTx(settled.TransactionId))}.");
    }

    private async Task MaturityAsync(DemoStage stage, DemoPlan plan, CancellationToken cancellationToken)
    {
        var part = Markup.Escape(plan.MovedPart);
        stage.MoveTo(plan.Due);
        var presented = await stage.SubmitAsync(BankB, $"PresentForPayment {part}", null, (market, ct) => market.PresentForPaymentAsync(plan.MovedPart, ct), cancellationToken);
        Note($"{part} is {presented.Value.Status}: it falls due today; BankA, its acceptor, must pay or dishonor it.");
        var paid = await stage.SubmitAsync(
            BankA,
            $"PayBill {part}",
            $"payment {Markup.Escape(plan.MaturityPaymentRef)} of {Money.Yuan(presented.Value.Amount)}",
            (market, ct) => market.PayBillAsync(plan.MovedPart, plan.MaturityPaymentRef, ct),
            cancellationToken);
        Check(paid.Value.Status == BillStatus.Paid, $"{plan.MovedPart} should be Paid");
        Note($"{part} is {paid.Value.Status} (final).");
    }

    private async Task<Bill> RecordAsync(DemoStage stage, DemoPlan plan, CancellationToken cancellationToken)
    {
        var part = Markup.Escape(plan.MovedPart);
        var exchangeMsp = stage.Identity(Exchange).MspId;
        var bill = await stage.QueryAsync(Regulator, exchangeMsp, $"GetBill {part}", null, (market, ct) => market.GetBillAsync(plan.MovedPart, ct), cancellationToken);
        DemoTables.Trail(Out, bill, stage.BlockOf);
        var history = await stage.QueryAsync(
            Regulator, exchangeMsp, $"GetBillHistory {part}", null, (market, ct) => market.GetBillHistoryAsync(plan.MovedPart, ct), cancellationToken);
        DemoTables.History(Out, plan.MovedPart, history, stage.BlockOf);
        Note($"{history.Count} versions of {part}; its trail starts with the parent's acceptance, copied when the bill split.");
        DemoTables.Parts(Out, $"{plan.BillId} and its parts, at the end", await ReadPartsAsync(stage, plan, cancellationToken));
        return bill;
    }

    /// <summary>The bill, the part that moved on and the part that stayed.</summary>
    private static async Task<Bill[]> ReadPartsAsync(DemoStage stage, DemoPlan plan, CancellationToken cancellationToken) =>
    [
        await stage.ReadAsync(Exchange, (market, ct) => market.GetBillAsync(plan.BillId, ct), cancellationToken),
        await stage.ReadAsync(Exchange, (market, ct) => market.GetBillAsync(plan.MovedPart, ct), cancellationToken),
        await stage.ReadAsync(Exchange, (market, ct) => market.GetBillAsync(plan.KeptPart, ct), cancellationToken),
    ];

    /// <summary>The demo is also a check: a ledger that does not say what the rulebook promises stops it.</summary>
    /// <exception cref="InvalidOperationException">The condition does not hold.</exception>
    private static void Check(bool condition, string expectation)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"The ledger does not say what the rulebook promises: {expectation}.");
        }
    }
}
