namespace FabricFinance.Bills;

/// <summary>The chaincode name and every transaction and query name of the bill contract.</summary>
public static class BillTransactions
{
    /// <summary>The chaincode name on the channel.</summary>
    public const string ChaincodeName = "bills";

    /// <summary>The contract name (the default contract, so bare names route too).</summary>
    public const string ContractName = "bills";

#pragma warning disable CS1591 // Each constant is the transaction of the same name in shared/design/BILLS.md.
    public const string InitLedger = nameof(InitLedger);
    public const string RegisterParty = nameof(RegisterParty);
    public const string SetPartyStatus = nameof(SetPartyStatus);
    public const string IssueBill = nameof(IssueBill);
    public const string AcceptBill = nameof(AcceptBill);
    public const string RejectAcceptance = nameof(RejectAcceptance);
    public const string CancelBill = nameof(CancelBill);
    public const string EndorseBill = nameof(EndorseBill);
    public const string RequestDiscount = nameof(RequestDiscount);
    public const string RequestRediscount = nameof(RequestRediscount);
    public const string AcceptDeal = nameof(AcceptDeal);
    public const string RejectDeal = nameof(RejectDeal);
    public const string CancelDeal = nameof(CancelDeal);
    public const string SettleDeal = nameof(SettleDeal);
    public const string ExpireDeal = nameof(ExpireDeal);
    public const string PresentForPayment = nameof(PresentForPayment);
    public const string PayBill = nameof(PayBill);
    public const string DishonorBill = nameof(DishonorBill);
    public const string FreezeBill = nameof(FreezeBill);
    public const string UnfreezeBill = nameof(UnfreezeBill);
    public const string GetBill = nameof(GetBill);
    public const string GetBillHistory = nameof(GetBillHistory);
    public const string ListBills = nameof(ListBills);
    public const string GetParty = nameof(GetParty);
    public const string ListParties = nameof(ListParties);
    public const string GetDeal = nameof(GetDeal);
    public const string GetDealTerms = nameof(GetDealTerms);
#pragma warning restore CS1591

    /// <summary>The transient data key of the seller's proposed terms (<see cref="TermsProposal"/>).</summary>
    public const string TermsTransientKey = "terms";

    /// <summary>The transient data key of the exchange's settlement details (<see cref="Settlement"/>).</summary>
    public const string SettlementTransientKey = "settlement";
}
