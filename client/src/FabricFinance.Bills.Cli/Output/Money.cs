using System.Globalization;

namespace FabricFinance.Bills.Cli.Output;

/// <summary>Shows amounts in fen as yuan with two decimals, computed in integers.</summary>
internal static class Money
{
    public static string Yuan(long fen)
    {
        var sign = fen < 0 ? "-" : string.Empty;
        var magnitude = fen < 0 ? -(decimal)fen : fen;
        var yuan = decimal.Truncate(magnitude / 100);
        var cents = (int)(magnitude - (yuan * 100));
        return $"{sign}{yuan.ToString("#,0", CultureInfo.InvariantCulture)}.{cents.ToString("00", CultureInfo.InvariantCulture)} {BillRules.Currency}";
    }
}
