namespace FabricFinance.Bills.Tests.Rulebook;

/// <summary>A bill transaction of BILLS.md, as the permission matrix calls it on the standard bill.</summary>
public enum BillOperation
{
    /// <summary><c>AcceptBill B1</c>.</summary>
    AcceptBill,

    /// <summary><c>RejectAcceptance B1 reason</c>.</summary>
    RejectAcceptance,

    /// <summary><c>CancelBill B1</c>.</summary>
    CancelBill,

    /// <summary><c>EndorseBill B1 SupplierB</c>.</summary>
    EndorseBill,

    /// <summary><c>EndorseBill B1 SupplierB 100000</c>: a split.</summary>
    EndorsePartial,

    /// <summary><c>RequestDiscount {D2, B1, BankC}</c> with terms 300 bps.</summary>
    RequestDiscount,

    /// <summary><c>RequestRediscount {D2, B1, BankC}</c> with terms 300 bps.</summary>
    RequestRediscount,

    /// <summary><c>PresentForPayment B1</c>.</summary>
    PresentForPayment,

    /// <summary><c>PayBill B1 paymentRef</c>.</summary>
    PayBill,

    /// <summary><c>DishonorBill B1 reason</c>.</summary>
    DishonorBill,

    /// <summary><c>FreezeBill B1 reason</c>.</summary>
    FreezeBill,

    /// <summary><c>UnfreezeBill B1 reason</c>.</summary>
    UnfreezeBill,
}
