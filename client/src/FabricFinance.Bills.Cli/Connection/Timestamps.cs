using System.Globalization;
using FabricFinance.Bills.Cli.Infrastructure;

namespace FabricFinance.Bills.Cli.Connection;

/// <summary>
/// Reads <c>--at</c>: an ISO-8601 timestamp; without an offset it is market time (UTC+8); a bare date is noon of that
/// day in UTC+8.
/// </summary>
internal static class Timestamps
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd"];

    /// <exception cref="CliUsageException">The text is not a timestamp.</exception>
    public static DateTimeOffset Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return new DateTimeOffset(date.ToDateTime(new TimeOnly(12, 0)), BusinessCalendar.Offset);
        }

        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed) && text.Contains('T', StringComparison.Ordinal))
        {
            return parsed.Kind switch
            {
                DateTimeKind.Unspecified => new DateTimeOffset(parsed, BusinessCalendar.Offset),
                _ => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
            };
        }

        throw new CliUsageException(
            $"--at '{text}' is not an ISO-8601 timestamp: use 2026-07-01T09:30:00+08:00, 2026-07-01T01:30:00Z, or a date such as 2026-07-01 (noon in UTC+8).");
    }
}
