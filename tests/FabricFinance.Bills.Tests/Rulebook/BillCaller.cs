namespace FabricFinance.Bills.Tests.Rulebook;

/// <summary>Who calls a bill transaction, relative to the standard bill.</summary>
public enum BillCaller
{
    /// <summary>CoreCorp, the drawer (and the holder until acceptance).</summary>
    Drawer,

    /// <summary>SupplierA, the payee (and the holder once accepted).</summary>
    Payee,

    /// <summary>BankA, the acceptor.</summary>
    Acceptor,

    /// <summary>SupplierC, an enterprise with no part in the bill.</summary>
    OtherEnterprise,

    /// <summary>BankB, a bank with no part in the bill.</summary>
    OtherBank,

    /// <summary>The exchange.</summary>
    Exchange,

    /// <summary>The regulator.</summary>
    Regulator,

    /// <summary>An identity that acts for no party.</summary>
    Unregistered,

    /// <summary>The party entitled to the operation, suspended just before it.</summary>
    SuspendedEntitled,
}
