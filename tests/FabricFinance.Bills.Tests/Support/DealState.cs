namespace FabricFinance.Bills.Tests.Support;

/// <summary>
/// The states <see cref="Scenarios.ArrangeDealAsync"/> can put deal D1 in: SupplierA sells the standard
/// bill to BankC at 300 bps, requested on 2026-03-02; unless overdue, the clock then stands at 2026-03-06
/// (four days later, so the deal may be expired).
/// </summary>
public enum DealState
{
    /// <summary>Requested; the bill is InDeal.</summary>
    Requested,

    /// <summary>Accepted by BankC on 03-03.</summary>
    Accepted,

    /// <summary>Accepted on 03-03, settled by the exchange on 03-04: BankC holds the bill.</summary>
    Settled,

    /// <summary>Rejected by BankC on 03-03.</summary>
    Rejected,

    /// <summary>Cancelled by SupplierA on 03-03.</summary>
    Cancelled,

    /// <summary>Expired by SupplierC on 03-06.</summary>
    Expired,

    /// <summary>Requested, and the bill frozen on 03-03.</summary>
    RequestedFrozen,

    /// <summary>Accepted on 03-03, and the bill frozen on 03-03.</summary>
    AcceptedFrozen,

    /// <summary>Rejected on 03-03, and the bill (Active again) frozen on 03-03.</summary>
    RejectedFrozen,

    /// <summary>Requested, and the clock on the bill's due date.</summary>
    RequestedOverdue,

    /// <summary>Accepted on 03-03, and the clock on the bill's due date.</summary>
    AcceptedOverdue,
}
