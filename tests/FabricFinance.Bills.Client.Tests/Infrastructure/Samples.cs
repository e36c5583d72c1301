namespace FabricFinance.Bills.Client.Tests.Infrastructure;

/// <summary>Records as the contract returns them.</summary>
internal static class Samples
{
    public static Bill Bill(string id = "B1", BillStatus status = BillStatus.Active, string holder = "SupplierA", long version = 2, long amount = 10_000_000) => new(
        id,
        BillKind.Bank,
        "CoreCorp",
        "SupplierA",
        "BankA",
        amount,
        "CNY",
        new DateOnly(2026, 1, 5),
        new DateOnly(2026, 6, 30),
        Transferable: true,
        holder,
        status,
        [1, amount],
        Parent: null,
        [new Transfer(TransferType.Accept, "CoreCorp", "SupplierA", amount, new DateOnly(2026, 1, 6), "tx-accept-0001")],
        version,
        new DateOnly(2026, 1, 6),
        FrozenFrom: null,
        DealId: status == BillStatus.InDeal ? "D1" : null,
        PaymentRef: null,
        Reason: null);

    public static Deal Deal(string id = "D1", DealStatus status = DealStatus.Requested, string termsHash = "", long version = 1, string billId = "B1") => new(
        id,
        DealKind.Discount,
        billId,
        "SupplierA",
        "BankA",
        10_000_000,
        status,
        new DateOnly(2026, 3, 2),
        status is DealStatus.Accepted or DealStatus.Settled ? new DateOnly(2026, 3, 3) : null,
        status == DealStatus.Settled ? new DateOnly(2026, 3, 4) : null,
        termsHash.Length > 0 ? termsHash : DealTerms.Proposed(350).ComputeHash(),
        version,
        new DateOnly(2026, 3, 2),
        Reason: null);

    public static Party Party(string id = "CoreCorp", PartyKind kind = PartyKind.Enterprise, PartyStatus status = PartyStatus.Active) =>
        new(id, kind, "BankAMSP", kind == PartyKind.Enterprise ? "CN=User3@banka.example.com,OU=client,L=San Francisco,ST=California,C=US" : null, id + " Ltd", status);

    public static LedgerConfig Config() =>
        new("ExchangeMSP", new InstitutionInfo("Exchange", "Commercial Paper Exchange"), "RegulatorMSP", new InstitutionInfo("Regulator", "Central Bank"));
}
