namespace FabricFinance.Bills.Tests.Support;

/// <summary>The states <see cref="Scenarios.ArrangeBillAsync"/> can put the standard bill in.</summary>
public enum BillState
{
    /// <summary>Issued, not accepted: CoreCorp (the drawer) holds it.</summary>
    PendingAcceptance,

    /// <summary>Accepted by BankA: SupplierA (the payee) holds it, before its due date.</summary>
    Active,

    /// <summary>Active, with SupplierA's discount deal D1 to BankC requested: locked.</summary>
    InDeal,

    /// <summary>Presented by SupplierA on its due date.</summary>
    Presented,

    /// <summary>Frozen by the exchange while Active.</summary>
    FrozenFromActive,

    /// <summary>Frozen by the exchange while PendingAcceptance.</summary>
    FrozenFromPending,

    /// <summary>Paid by BankA (final).</summary>
    Paid,

    /// <summary>Dishonored by BankA (final).</summary>
    Dishonored,

    /// <summary>Cancelled by the drawer before acceptance (final).</summary>
    CancelledByDrawer,

    /// <summary>Acceptance rejected by BankA (final, Cancelled).</summary>
    CancelledByAcceptor,

    /// <summary>Split by SupplierA's partial endorsement of 300,000 fen to SupplierB (final); operations target the parent.</summary>
    Split,

    /// <summary>Active, and the clock is on its due date: it can only be presented.</summary>
    Overdue,

    /// <summary>Active, issued not transferable (不得轉讓).</summary>
    NotTransferable,
}
