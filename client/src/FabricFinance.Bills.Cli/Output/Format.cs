using System.Globalization;

namespace FabricFinance.Bills.Cli.Output;

/// <summary>Small formatting helpers for tables.</summary>
internal static class Format
{
    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-";

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Number(ulong value) => value.ToString(CultureInfo.InvariantCulture);

    public static string OrDash(string? value) => string.IsNullOrEmpty(value) ? "-" : value;

    /// <summary>The first twelve characters of a transaction id, enough to tell transactions apart on screen.</summary>
    public static string ShortTx(string transactionId) => transactionId.Length > 12 ? transactionId[..12] : transactionId;
}
