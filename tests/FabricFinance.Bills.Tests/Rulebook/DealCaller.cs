namespace FabricFinance.Bills.Tests.Rulebook;

/// <summary>Who calls a deal transaction, relative to deal D1 (SupplierA sells the standard bill to BankC).</summary>
public enum DealCaller
{
    /// <summary>SupplierA, the seller.</summary>
    Seller,

    /// <summary>BankC, the buyer.</summary>
    Buyer,

    /// <summary>BankA, the bill's acceptor, no part in the deal.</summary>
    Acceptor,

    /// <summary>BankB, a bank with no part in the deal.</summary>
    OtherBank,

    /// <summary>SupplierC, an enterprise of the seller's MSP with no part in the deal.</summary>
    OtherEnterprise,

    /// <summary>The exchange.</summary>
    Exchange,

    /// <summary>The regulator.</summary>
    Regulator,

    /// <summary>An identity that acts for no party.</summary>
    Unregistered,

    /// <summary>The party entitled to the operation, suspended (for ExpireDeal: the suspended Dormant).</summary>
    SuspendedEntitled,
}
