using System.Globalization;
using FabricFinance.Bills;
using FabricFinance.Monitor.ReadModel;

namespace FabricFinance.Monitor.Rules.Internal;

/// <summary>Small facts the rules share: ledger order, the transfer an activity made, how parties are named.</summary>
internal static class RuleFacts
{
    /// <summary>The empty result.</summary>
    public static ValueTask<IReadOnlyList<AlertFinding>> None() => ValueTask.FromResult<IReadOnlyList<AlertFinding>>([]);

    /// <summary>Wraps one finding as a result.</summary>
    public static IReadOnlyList<AlertFinding> One(AlertFinding finding) => [finding];

    /// <summary>Whether <paramref name="a"/> comes before <paramref name="b"/> in the ledger.</summary>
    public static bool IsBefore(BillActivity a, BillActivity b) =>
        a.BlockNumber < b.BlockNumber || (a.BlockNumber == b.BlockNumber && a.TransactionIndex < b.TransactionIndex);

    /// <summary>Whether two activities come from the same transaction.</summary>
    public static bool SameTransaction(BillActivity a, BillActivity b) =>
        a.BlockNumber == b.BlockNumber && a.TransactionIndex == b.TransactionIndex;

    /// <summary>
    /// The bill and the transfer the activity added to its trail, when it added one: a valid transaction whose bill's
    /// last trail entry carries the activity's transaction id.
    /// </summary>
    public static bool TryGetNewTransfer(BillActivity activity, out Bill bill, out Transfer transfer)
    {
        if (activity.IsValid && activity.Bill is { Trail.Count: > 0 } b && b.Trail[^1].TxId == activity.TransactionId)
        {
            bill = b;
            transfer = b.Trail[^1];
            return true;
        }

        bill = null!;
        transfer = null!;
        return false;
    }

    /// <summary>A submitter's identity for comparison: its party when registered, else its organization and subject.</summary>
    public static string SubmitterKey(Submitter submitter) =>
        submitter.PartyId is { } party ? "party:" + party : "id:" + submitter.MspId + "/" + submitter.Subject;

    /// <summary>A submitter as a person reads it.</summary>
    public static string Describe(Submitter submitter) =>
        submitter.PartyId ?? submitter.Subject + " (" + submitter.MspId + ")";

    /// <summary>A business date as the summaries write it.</summary>
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A transaction time in market time (UTC+8), as the summaries write it.</summary>
    public static string Time(DateTimeOffset timestamp) =>
        timestamp.ToOffset(BusinessCalendar.Offset).ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>"1 transfer" or "3 transfers".</summary>
    public static string Count(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? string.Empty : "s")}");

    /// <summary>Transfer type the way the rulebook's JSON writes it.</summary>
    public static string Name(TransferType type) => type switch
    {
        TransferType.Accept => "accept",
        TransferType.Endorse => "endorse",
        TransferType.Discount => "discount",
        TransferType.Rediscount => "rediscount",
        _ => type.ToString(),
    };
}
