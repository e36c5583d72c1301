namespace FabricFinance.Bills.Tests.Properties;

/// <summary>The market as the public queries show it between two operations.</summary>
/// <param name="Bills">Every bill by id.</param>
/// <param name="BillJson">Every bill's JSON by id, to tell whether it changed.</param>
/// <param name="Deals">Every deal created so far by id.</param>
/// <param name="DealJson">Every deal's JSON by id.</param>
/// <param name="Parties">The ids of every party.</param>
public sealed record MarketWorld(
    IReadOnlyDictionary<string, Bill> Bills,
    IReadOnlyDictionary<string, string> BillJson,
    IReadOnlyDictionary<string, Deal> Deals,
    IReadOnlyDictionary<string, string> DealJson,
    IReadOnlySet<string> Parties);
