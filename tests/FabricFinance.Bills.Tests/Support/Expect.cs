using FabricFinance.Chaincode.Testing;

namespace FabricFinance.Bills.Tests.Support;

/// <summary>NUnit assertions on bill transactions: success, refusal with a code, refusal that changes nothing, one event.</summary>
public static class Expect
{
    /// <summary>The refusal codes BILLS.md lists.</summary>
    public static IReadOnlyList<string> Codes { get; } =
        ["INVALID_ARGUMENT", "NOT_FOUND", "ALREADY_EXISTS", "FORBIDDEN", "INVALID_STATE", "NOT_TRANSFERABLE", "NOT_DUE", "OVERDUE", "FROZEN"];

    /// <summary>Asserts the transaction succeeded (and, when submitted, committed valid).</summary>
    /// <param name="result">The result.</param>
    public static void Success(TransactionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Assert.That(result.IsSuccess, Is.True, () => $"expected success, got {result}");
    }

    /// <summary>Asserts the transaction was refused with a message beginning <c>CODE: </c>, and nothing was committed.</summary>
    /// <param name="result">The result.</param>
    /// <param name="code">The expected code, e.g. <c>FORBIDDEN</c>.</param>
    public static void Refused(TransactionResult result, string code)
    {
        ArgumentNullException.ThrowIfNull(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Response.IsSuccess, Is.False, () => $"expected {code}, but the transaction succeeded: {result.PayloadText}");
            Assert.That(result.Message, Does.StartWith(code + ": "), () => $"expected a refusal beginning '{code}: '");
            Assert.That(result.Message.Trim(), Has.Length.GreaterThan(code.Length + 2), "the code is followed by a sentence");
            Assert.That(result.Commit, Is.Null, "a refused transaction is not committed");
        }
    }

    /// <summary>Submits a transaction and asserts it is refused with the code and changes nothing at all.</summary>
    /// <returns>The result.</returns>
    public static async Task<TransactionResult> RefusedUnchangedAsync(
        BillMarketHarness market, string actor, string function, IReadOnlyList<string> arguments, string code, IReadOnlyDictionary<string, string>? transient = null, DateTimeOffset? at = null)
    {
        ArgumentNullException.ThrowIfNull(market);
        var before = market.Snapshot();
        var result = await market.SubmitAsync(actor, function, arguments, transient, at);
        var after = market.Snapshot();
        using (Assert.EnterMultipleScope())
        {
            Refused(result, code);
            Assert.That(before.DifferencesTo(after), Is.Empty, "a refused transaction changes nothing");
        }

        return result;
    }

    /// <summary>
    /// Asserts a successful submit emitted exactly one committed event, of the given name, whose
    /// payload is exactly the response.
    /// </summary>
    /// <param name="market">The market.</param>
    /// <param name="eventsBefore">The ledger's event count before the submit.</param>
    /// <param name="result">The submit's result.</param>
    /// <param name="eventName">The expected event name.</param>
    public static void OneEvent(BillMarketHarness market, int eventsBefore, TransactionResult result, string eventName)
    {
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(result);
        Success(result);
        var events = market.Ledger.Events;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(events, Has.Count.EqualTo(eventsBefore + 1), "exactly one event per submit");
            Assert.That(result.Event?.Name, Is.EqualTo(eventName));
            Assert.That(result.Event?.Payload.ToArray(), Is.EqualTo(result.Payload.ToArray()), "the event payload is exactly the returned JSON");
            if (events.Count == eventsBefore + 1)
            {
                var committed = events[^1];
                Assert.That(committed.TransactionId, Is.EqualTo(result.TransactionId));
                Assert.That(committed.ChaincodeName, Is.EqualTo("bills"));
                Assert.That(committed.Event.Name, Is.EqualTo(eventName));
                Assert.That(committed.Event.Payload.ToArray(), Is.EqualTo(result.Payload.ToArray()));
            }
        }
    }
}
