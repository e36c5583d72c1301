using System.Text.RegularExpressions;

namespace FabricFinance.Bills;

/// <summary>The rulebook's limits on values, checked alike by the contract and its clients.</summary>
public static partial class BillRules
{
    /// <summary>The only currency: Chinese yuan, amounts in fen.</summary>
    public const string Currency = "CNY";

    /// <summary>The largest bill amount in fen: 10^13 (one hundred billion yuan).</summary>
    public const long MaxAmount = 10_000_000_000_000;

    /// <summary>The lowest discount rate in basis points.</summary>
    public const int MinRateBps = 1;

    /// <summary>The highest discount rate in basis points (100% a year).</summary>
    public const int MaxRateBps = 10_000;

    /// <summary>The longest party display name.</summary>
    public const int MaxNameLength = 200;

    /// <summary>The longest reason text (cancel, reject, dishonor, freeze).</summary>
    public const int MaxReasonLength = 500;

    /// <summary>The longest certificate subject of a party.</summary>
    public const int MaxSubjectLength = 1024;

    /// <summary>The longest MSP id.</summary>
    public const int MaxMspIdLength = 128;

    /// <summary>The largest page of <c>ListBills</c>.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>Gets a value indicating whether <paramref name="id"/> is a valid client-chosen id: <c>[A-Za-z0-9_-]{1,64}</c>.</summary>
    /// <param name="id">A bill, deal or party id.</param>
    /// <returns><see langword="true"/> when valid.</returns>
    public static bool IsValidId(string? id) => id is not null && IdPattern().IsMatch(id);

    /// <summary>
    /// Gets a value indicating whether <paramref name="billId"/> names an issued bill or one of its
    /// sub-bills: a valid id followed by any number of <c>.1</c> or <c>.2</c>.
    /// </summary>
    /// <param name="billId">A bill id as a query may name it.</param>
    /// <returns><see langword="true"/> when well formed.</returns>
    public static bool IsValidBillReference(string? billId) =>
        billId is not null && billId.Length <= 1024 && BillReferencePattern().IsMatch(billId);

    /// <summary>Gets a value indicating whether <paramref name="paymentRef"/> is a valid payment reference: <c>[A-Za-z0-9_.:/-]{1,64}</c>.</summary>
    /// <param name="paymentRef">The reference of an off-ledger payment.</param>
    /// <returns><see langword="true"/> when valid.</returns>
    public static bool IsValidPaymentRef(string? paymentRef) => paymentRef is not null && PaymentRefPattern().IsMatch(paymentRef);

    /// <summary>The id of one part of a split: <c>{billId}.1</c> (the part that moves) or <c>{billId}.2</c> (the rest).</summary>
    /// <param name="billId">The bill being split.</param>
    /// <param name="part">1 or 2.</param>
    /// <returns>The derived id.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="part"/> is not 1 or 2.</exception>
    public static string SubBillId(string billId, int part)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(part, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(part, 2);
        return billId + "." + (part == 1 ? "1" : "2");
    }

    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,64}\z", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,64}(\.[12])*\z", RegexOptions.CultureInvariant)]
    private static partial Regex BillReferencePattern();

    [GeneratedRegex(@"^[A-Za-z0-9_.:/-]{1,64}\z", RegexOptions.CultureInvariant)]
    private static partial Regex PaymentRefPattern();
}
