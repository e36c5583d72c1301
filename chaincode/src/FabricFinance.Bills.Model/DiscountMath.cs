namespace FabricFinance.Bills;

/// <summary>The discount arithmetic of the rulebook, in integers only.</summary>
public static class DiscountMath
{
    /// <summary>The day-count denominator: basis points (10000) times a 360-day year.</summary>
    public const long Denominator = 10_000L * 360;

    /// <summary>Calendar days from <paramref name="businessDate"/> to <paramref name="dueDate"/>.</summary>
    /// <param name="businessDate">The date of the sale.</param>
    /// <param name="dueDate">The bill's due date.</param>
    /// <returns>At least 1.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dueDate"/> is not after <paramref name="businessDate"/>.</exception>
    public static int Days(DateOnly businessDate, DateOnly dueDate)
    {
        var days = dueDate.DayNumber - businessDate.DayNumber;
        return days >= 1
            ? days
            : throw new ArgumentOutOfRangeException(nameof(dueDate), $"due date {dueDate:yyyy-MM-dd} is not after {businessDate:yyyy-MM-dd}.");
    }

    /// <summary>
    /// <c>round_half_up(amount * rateBps * days / (10000 * 360))</c>, exactly, in fen (the product is
    /// computed in 128 bits, so the largest bill at the highest rate cannot overflow).
    /// </summary>
    /// <param name="amount">Face value in fen, 1 to 10^13.</param>
    /// <param name="rateBps">Annual rate in basis points, 1 to 10000.</param>
    /// <param name="days">Days to maturity, at least 1.</param>
    /// <returns>The interest in fen.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static long Interest(long amount, int rateBps, int days)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(amount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(amount, BillRules.MaxAmount);
        ArgumentOutOfRangeException.ThrowIfLessThan(rateBps, BillRules.MinRateBps);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rateBps, BillRules.MaxRateBps);
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var numerator = (Int128)amount * rateBps * days;
        return (long)((numerator + (Denominator / 2)) / Denominator);
    }
}
