using System.Collections.Frozen;

namespace FabricFinance.Bills;

/// <summary>The wire text of <see cref="BillErrorCode"/> values and the parsing of refusal messages.</summary>
public static class BillErrorCodes
{
    private static readonly FrozenDictionary<BillErrorCode, string> Texts = new Dictionary<BillErrorCode, string>
    {
        [BillErrorCode.InvalidArgument] = "INVALID_ARGUMENT",
        [BillErrorCode.NotFound] = "NOT_FOUND",
        [BillErrorCode.AlreadyExists] = "ALREADY_EXISTS",
        [BillErrorCode.Forbidden] = "FORBIDDEN",
        [BillErrorCode.InvalidState] = "INVALID_STATE",
        [BillErrorCode.NotTransferable] = "NOT_TRANSFERABLE",
        [BillErrorCode.NotDue] = "NOT_DUE",
        [BillErrorCode.Overdue] = "OVERDUE",
        [BillErrorCode.Frozen] = "FROZEN",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, BillErrorCode> Codes =
        Texts.ToFrozenDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);

    /// <summary>The wire text of a code, e.g. <c>INVALID_ARGUMENT</c>.</summary>
    /// <param name="code">The code.</param>
    /// <returns>Its upper-case text.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="code"/> is not a defined value.</exception>
    public static string ToText(BillErrorCode code) =>
        Texts.TryGetValue(code, out var text) ? text : throw new ArgumentOutOfRangeException(nameof(code), code, "not a bill error code.");

    /// <summary>The refusal message <c>CODE: sentence</c>.</summary>
    /// <param name="code">The code.</param>
    /// <param name="sentence">A human sentence naming the bill, deal or party.</param>
    /// <returns>The message the contract sends.</returns>
    public static string Format(BillErrorCode code, string sentence) => ToText(code) + ": " + sentence;

    /// <summary>
    /// Finds the code at the start of a refusal message (<c>CODE: sentence</c>). Text before the code
    /// (a gateway's "chaincode response 500, " prefix) is skipped.
    /// </summary>
    /// <param name="message">The message as a client received it.</param>
    /// <param name="code">The code found.</param>
    /// <param name="sentence">The text after <c>CODE: </c>.</param>
    /// <returns><see langword="true"/> when the message carries a code.</returns>
    public static bool TryParse(string? message, out BillErrorCode code, out string sentence)
    {
        code = default;
        sentence = string.Empty;
        if (string.IsNullOrEmpty(message))
        {
            return false;
        }

        var best = -1;
        foreach (var (text, value) in Codes)
        {
            var at = IndexOfCode(message, text);
            if (at >= 0 && (best < 0 || at < best))
            {
                best = at;
                code = value;
            }
        }

        if (best < 0)
        {
            return false;
        }

        sentence = message[(best + Texts[code].Length + 1)..].TrimStart();
        return true;
    }

    private static int IndexOfCode(string message, string text)
    {
        for (var at = message.IndexOf(text + ":", StringComparison.Ordinal); at >= 0; at = message.IndexOf(text + ":", at + 1, StringComparison.Ordinal))
        {
            if (at == 0 || !char.IsAsciiLetterUpper(message[at - 1]) && message[at - 1] != '_')
            {
                return at;
            }
        }

        return -1;
    }
}
