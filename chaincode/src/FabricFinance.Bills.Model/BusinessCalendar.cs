namespace FabricFinance.Bills;

/// <summary>The market's dates: business dates in UTC+8 and the due-date limit.</summary>
public static class BusinessCalendar
{
    /// <summary>The market's time zone offset: UTC+8.</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>How many calendar months after issue a bill may fall due at the latest.</summary>
    public const int MaxTenorMonths = 6;

    /// <summary>How many days after its request an open deal may be expired (strictly more than this).</summary>
    public const int DealExpiryDays = 3;

    /// <summary>The business date of a transaction timestamp: its date in UTC+8.</summary>
    /// <param name="timestamp">The transaction timestamp (from the proposal header).</param>
    /// <returns>The calendar date in UTC+8.</returns>
    public static DateOnly BusinessDate(DateTimeOffset timestamp) => DateOnly.FromDateTime(timestamp.ToOffset(Offset).DateTime);

    /// <summary>
    /// The latest due date for a bill issued on <paramref name="issueDate"/>: the same day six months
    /// later, clamped to that month's end (from 08-31 it is the last day of February).
    /// </summary>
    /// <param name="issueDate">The issue date.</param>
    /// <returns>The latest allowed due date.</returns>
    public static DateOnly LatestDueDate(DateOnly issueDate) => issueDate.AddMonths(MaxTenorMonths);
}
