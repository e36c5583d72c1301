namespace FabricFinance.Bills;

/// <summary>
/// The chaincode event names of the bill contract. Each submit emits exactly one, whose payload is
/// the returned JSON (a bill, a deal's public record, a party, or the ledger config).
/// </summary>
public static class BillEvents
{
#pragma warning disable CS1591 // Each constant is the event of the same name in shared/design/BILLS.md.
    public const string LedgerInitialized = nameof(LedgerInitialized);
    public const string PartyRegistered = nameof(PartyRegistered);
    public const string PartyStatusChanged = nameof(PartyStatusChanged);
    public const string BillIssued = nameof(BillIssued);
    public const string BillAccepted = nameof(BillAccepted);
    public const string BillCancelled = nameof(BillCancelled);
    public const string BillEndorsed = nameof(BillEndorsed);
    public const string DealRequested = nameof(DealRequested);
    public const string DealAccepted = nameof(DealAccepted);
    public const string DealClosed = nameof(DealClosed);
    public const string DealSettled = nameof(DealSettled);
    public const string BillPresented = nameof(BillPresented);
    public const string BillPaid = nameof(BillPaid);
    public const string BillDishonored = nameof(BillDishonored);
    public const string BillFrozen = nameof(BillFrozen);
    public const string BillUnfrozen = nameof(BillUnfrozen);
#pragma warning restore CS1591

    /// <summary>Events whose payload is a <see cref="Bill"/>.</summary>
    public static IReadOnlyList<string> BillPayloads { get; } =
        [BillIssued, BillAccepted, BillCancelled, BillEndorsed, BillPresented, BillPaid, BillDishonored, BillFrozen, BillUnfrozen];

    /// <summary>Events whose payload is a <see cref="Deal"/>.</summary>
    public static IReadOnlyList<string> DealPayloads { get; } = [DealRequested, DealAccepted, DealClosed, DealSettled];

    /// <summary>Events whose payload is a <see cref="Party"/>.</summary>
    public static IReadOnlyList<string> PartyPayloads { get; } = [PartyRegistered, PartyStatusChanged];
}
