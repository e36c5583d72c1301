namespace FabricFinance.Bills.Tests.Properties;

/// <summary>What a generated market operation tries to do.</summary>
public enum MarketOperationKind
{
    /// <summary>IssueBill by an enterprise.</summary>
    Issue,

    /// <summary>AcceptBill.</summary>
    Accept,

    /// <summary>RejectAcceptance.</summary>
    RejectAcceptance,

    /// <summary>CancelBill.</summary>
    Cancel,

    /// <summary>EndorseBill, whole.</summary>
    Endorse,

    /// <summary>EndorseBill with a partial amount.</summary>
    EndorsePartial,

    /// <summary>RequestDiscount, whole.</summary>
    RequestDiscount,

    /// <summary>RequestDiscount with a partial amount.</summary>
    RequestDiscountPartial,

    /// <summary>RequestRediscount, whole.</summary>
    RequestRediscount,

    /// <summary>AcceptDeal.</summary>
    AcceptDeal,

    /// <summary>RejectDeal.</summary>
    RejectDeal,

    /// <summary>CancelDeal.</summary>
    CancelDeal,

    /// <summary>SettleDeal.</summary>
    SettleDeal,

    /// <summary>ExpireDeal.</summary>
    ExpireDeal,

    /// <summary>PresentForPayment.</summary>
    Present,

    /// <summary>PayBill.</summary>
    Pay,

    /// <summary>DishonorBill.</summary>
    Dishonor,

    /// <summary>FreezeBill.</summary>
    Freeze,

    /// <summary>UnfreezeBill.</summary>
    Unfreeze,

    /// <summary>SetPartyStatus suspended.</summary>
    Suspend,

    /// <summary>SetPartyStatus active.</summary>
    Reactivate,
}
