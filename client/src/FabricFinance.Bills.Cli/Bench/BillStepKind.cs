namespace FabricFinance.Bills.Cli.Bench;

/// <summary>The submits of a bill's flow, in order.</summary>
internal enum BillStepKind
{
    /// <summary><c>IssueBill</c>, by the issuer (CoreCorp), payee and acceptor named.</summary>
    Issue,

    /// <summary><c>AcceptBill</c>, by the acceptor (BankA): the bill passes to the payee.</summary>
    Accept,

    /// <summary><c>EndorseBill</c>, whole, by the payee (SupplierA) to the endorsee (SupplierB): the flow is done.</summary>
    Endorse,
}
