namespace FabricFinance.Bills.Cli.Bench;

/// <summary>One submit of a bill's flow.</summary>
/// <param name="Kind">Which submit.</param>
/// <param name="BillId">The bill.</param>
internal readonly record struct BillStep(BillStepKind Kind, string BillId);
