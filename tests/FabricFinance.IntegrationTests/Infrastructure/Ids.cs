namespace FabricFinance.IntegrationTests.Infrastructure;

/// <summary>Asset ids unique across runs, since a reused network keeps its ledger.</summary>
internal static class Ids
{
    public static string New(string prefix) => $"{prefix}-{Guid.NewGuid():N}";
}
