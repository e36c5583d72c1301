namespace FabricFinance.Bills.Tests.Rulebook;

/// <summary>A deal transaction of BILLS.md, as the deal matrix calls it on deal D1.</summary>
public enum DealOperation
{
    /// <summary><c>AcceptDeal D1</c>.</summary>
    AcceptDeal,

    /// <summary><c>RejectDeal D1 reason</c>.</summary>
    RejectDeal,

    /// <summary><c>CancelDeal D1 reason</c>.</summary>
    CancelDeal,

    /// <summary><c>SettleDeal D1</c> with a settlement.</summary>
    SettleDeal,

    /// <summary><c>ExpireDeal D1</c>.</summary>
    ExpireDeal,
}
