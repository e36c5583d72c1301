using FabricFinance.Bills.Tests.Support;

namespace FabricFinance.Bills.Tests.Hostile;

/// <summary>
/// A call that makes sense in the hostile world (the right caller, a bill or deal in a state where it
/// could succeed or be refused for state only), which the generator then breaks.
/// </summary>
/// <param name="Function">The transaction.</param>
/// <param name="Actor">The cast member who could make it.</param>
/// <param name="Evaluate">Whether it is a query.</param>
/// <param name="Kinds">What each argument is.</param>
/// <param name="Arguments">Sensible arguments.</param>
/// <param name="MinimumCount">The fewest arguments it takes.</param>
/// <param name="Json">The JSON argument's fields, if it takes one.</param>
/// <param name="TransientKey">The transient key it reads, if any.</param>
/// <param name="TransientData">Sensible transient data.</param>
internal sealed record HostileTemplate(
    string Function,
    string Actor,
    bool Evaluate,
    IReadOnlyList<HostileArgument> Kinds,
    IReadOnlyList<string> Arguments,
    int MinimumCount,
    HostileJsonObject? Json = null,
    string? TransientKey = null,
    IReadOnlyDictionary<string, string>? TransientData = null)
{
    private static readonly HostileJsonObject Config = new(
    [
        ("exchangeMspId", HostileField.MspId, "\"ExchangeMSP\"", true),
        ("exchange", HostileField.Institution, "{\"id\":\"Exchange\",\"name\":\"Exchange\"}", true),
        ("regulatorMspId", HostileField.MspId, "\"RegulatorMSP\"", true),
        ("regulator", HostileField.Institution, "{\"id\":\"Regulator\",\"name\":\"Regulator\"}", true),
    ]);

    private static readonly HostileJsonObject Registration = new(
    [
        ("id", HostileField.Id, "\"NewCo\"", true),
        ("kind", HostileField.PartyKind, "\"enterprise\"", true),
        ("mspId", HostileField.MspId, "\"EnterpriseMSP\"", true),
        ("name", HostileField.Name, "\"New Co\"", true),
        ("subject", HostileField.Subject, "\"CN=User7@enterprise.example.com,OU=client,L=San Francisco,ST=California,C=US\"", false),
    ]);

    private static readonly HostileJsonObject Issue = new(
    [
        ("id", HostileField.Id, "\"B9\"", true),
        ("kind", HostileField.BillKind, "\"bank\"", true),
        ("payee", HostileField.PartyId, "\"SupplierA\"", true),
        ("acceptor", HostileField.PartyId, "\"BankA\"", true),
        ("amount", HostileField.Amount, "100000", true),
        ("dueDate", HostileField.DueDate, "\"2026-06-01\"", true),
        ("transferable", HostileField.Boolean, "true", true),
    ]);

    private static readonly HostileJsonObject DealRequest = new(
    [
        ("dealId", HostileField.Id, "\"D9\"", true),
        ("billId", HostileField.BillId, "\"B1\"", true),
        ("buyer", HostileField.PartyId, "\"BankC\"", true),
        ("amount", HostileField.OptionalAmount, "400000", false),
    ]);

    private static readonly HostileJsonObject Filter = new(
    [
        ("holder", HostileField.FilterParty, "\"SupplierA\"", false),
        ("status", HostileField.FilterStatus, "\"Active\"", false),
        ("acceptor", HostileField.FilterParty, "\"BankA\"", false),
        ("dueFrom", HostileField.FilterDate, "\"2026-01-01\"", false),
        ("dueTo", HostileField.FilterDate, "\"2026-12-31\"", false),
    ]);

    private static readonly IReadOnlyDictionary<string, string> Terms = new Dictionary<string, string>(StringComparer.Ordinal) { ["terms"] = "{\"rateBps\":300}" };

    private static readonly IReadOnlyDictionary<string, string> Settlement = new Dictionary<string, string>(StringComparer.Ordinal) { ["settlement"] = "{\"paymentRef\":\"PAY-9\"}" };

    /// <summary>Gets every template: each transaction and query of BILLS.md.</summary>
    public static IReadOnlyList<HostileTemplate> All { get; } =
    [
        new("InitLedger", Cast.ExchangeAdmin, false, [HostileArgument.Json], [Config.ToString()], 1, Config),
        new("RegisterParty", Cast.Exchange, false, [HostileArgument.Json], [Registration.ToString()], 1, Registration),
        new("SetPartyStatus", Cast.Exchange, false, [HostileArgument.PartyId, HostileArgument.PartyStatus], [Cast.SupplierC, "suspended"], 2),
        new("IssueBill", Cast.CoreCorp, false, [HostileArgument.Json], [Issue.ToString()], 1, Issue),
        new("AcceptBill", Cast.BankA, false, [HostileArgument.BillId], [HostileWorld.PendingBill], 1),
        new("RejectAcceptance", Cast.BankA, false, [HostileArgument.BillId, HostileArgument.Reason], [HostileWorld.PendingBill, "no"], 2),
        new("CancelBill", Cast.CoreCorp, false, [HostileArgument.BillId], [HostileWorld.PendingBill], 1),
        new("EndorseBill", Cast.SupplierA, false, [HostileArgument.BillId, HostileArgument.PartyId, HostileArgument.Amount], [HostileWorld.ActiveBill, Cast.SupplierB, "100"], 2),
        new("RequestDiscount", Cast.SupplierA, false, [HostileArgument.Json], [DealRequest.ToString()], 1, DealRequest, "terms", Terms),
        new("RequestRediscount", Cast.SupplierA, false, [HostileArgument.Json], [DealRequest.ToString()], 1, DealRequest, "terms", Terms),
        new("AcceptDeal", Cast.BankC, false, [HostileArgument.Id], [HostileWorld.RequestedDeal], 1),
        new("RejectDeal", Cast.BankC, false, [HostileArgument.Id, HostileArgument.Reason], [HostileWorld.RequestedDeal, "no"], 2),
        new("CancelDeal", Cast.SupplierA, false, [HostileArgument.Id, HostileArgument.Reason], [HostileWorld.RequestedDeal, "no"], 2),
        new("SettleDeal", Cast.Exchange, false, [HostileArgument.Id], [HostileWorld.AcceptedDeal], 1, null, "settlement", Settlement),
        new("ExpireDeal", Cast.SupplierC, false, [HostileArgument.Id], [HostileWorld.RequestedDeal], 1),
        new("PresentForPayment", Cast.SupplierA, false, [HostileArgument.BillId], [HostileWorld.ActiveBill], 1),
        new("PayBill", Cast.BankA, false, [HostileArgument.BillId, HostileArgument.PaymentRef], [HostileWorld.ActiveBill, "PAID-1"], 2),
        new("DishonorBill", Cast.BankA, false, [HostileArgument.BillId, HostileArgument.Reason], [HostileWorld.ActiveBill, "no funds"], 2),
        new("FreezeBill", Cast.Exchange, false, [HostileArgument.BillId, HostileArgument.Reason], [HostileWorld.ActiveBill, "court order"], 2),
        new("UnfreezeBill", Cast.Exchange, false, [HostileArgument.BillId, HostileArgument.Reason], [HostileWorld.ActiveBill, "lifted"], 2),
        new("GetBill", Cast.Stranger, true, [HostileArgument.BillId], [HostileWorld.ActiveBill], 1),
        new("GetBillHistory", Cast.Stranger, true, [HostileArgument.BillId], [HostileWorld.ActiveBill], 1),
        new("ListBills", Cast.Stranger, true, [HostileArgument.Json, HostileArgument.PageSize, HostileArgument.Bookmark], [Filter.ToString(), "10", string.Empty], 3, Filter),
        new("GetParty", Cast.Stranger, true, [HostileArgument.PartyId], [Cast.BankA], 1),
        new("ListParties", Cast.Stranger, true, [], [], 0),
        new("GetDeal", Cast.Stranger, true, [HostileArgument.Id], [HostileWorld.RequestedDeal], 1),
        new("GetDealTerms", Cast.Regulator, true, [HostileArgument.Id], [HostileWorld.RequestedDeal], 1),
    ];

    /// <summary>Gets the sensible transient data (terms or settlement), or none.</summary>
    public IReadOnlyDictionary<string, string> Transient => TransientData ?? new Dictionary<string, string>();
}
