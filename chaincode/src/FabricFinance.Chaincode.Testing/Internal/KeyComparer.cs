namespace FabricFinance.Chaincode.Testing.Internal;

/// <summary>
/// Orders keys as LevelDB orders their UTF-8 bytes: by Unicode code point. Ordinal string comparison
/// orders UTF-16 code units instead, which puts U+10000 and above (surrogate pairs) before
/// U+E000..U+FFFF; this comparer moves the surrogates above them.
/// </summary>
internal sealed class KeyComparer : IComparer<string>
{
    public static readonly KeyComparer Instance = new();

    private KeyComparer()
    {
    }

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return -1;
        }

        if (y is null)
        {
            return 1;
        }

        var length = Math.Min(x.Length, y.Length);
        for (var i = 0; i < length; i++)
        {
            var a = x[i];
            var b = y[i];
            if (a != b)
            {
                return Rank(a) - Rank(b);
            }
        }

        return x.Length - y.Length;
    }

    /// <summary>Maps a UTF-16 code unit so that surrogates sort above every other code unit.</summary>
    private static int Rank(char c) => c switch
    {
        >= '\uD800' and <= '\uDFFF' => c + 0x2000,
        >= '\uE000' => c - 0x800,
        _ => c,
    };
}
