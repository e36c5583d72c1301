using System.Diagnostics;
using FabricFinance.Bills.Tests.Support;
using FabricFinance.Chaincode.Testing;

namespace FabricFinance.Bills.Tests.Hostile;

/// <summary>
/// Issue 8, part 4a: ten thousand generated hostile invocations of the bill chaincode on the
/// in-memory ledger (wrong arity, malformed and 100,000-deep JSON, megabyte strings, control
/// characters and bytes that are not UTF-8, impossible amounts and dates, unknown functions and
/// fields, wrong types, junk transient data). Each must be refused with a BILLS.md code, as
/// <c>INVALID_ARGUMENT</c> since each breaks a rule of form, and must change nothing (<see cref="WorldSnapshot"/>).
/// The seed is fixed; set <c>FABFIN_HOSTILE_SEED</c> to explore others.
/// </summary>
[TestFixture]
public sealed class HostileInputTests
{
    private const int Calls = 10_000;
    private const int DefaultSeed = 20_260_308;

    /// <summary>The longest refusal message allowed: a refusal names what was wrong, it does not echo megabytes back.</summary>
    private const int MaxMessageLength = 2_048;

    [Test]
    [CancelAfter(180_000)]
    public async Task Invoke_TenThousandHostileCalls_EachRefusedAsInvalidArgumentAndNothingChanges(CancellationToken ct)
    {
        // Arrange
        var seed = int.TryParse(Environment.GetEnvironmentVariable("FABFIN_HOSTILE_SEED"), out var s) ? s : DefaultSeed;
        var market = await HostileWorld.ArrangeAsync();
        var world = market.Snapshot();
        var failures = new List<string>();
        var answers = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var longest = 0;
        var clock = Stopwatch.StartNew();

        // Act
        foreach (var call in new HostileCallGenerator(seed).Generate(Calls))
        {
            ct.ThrowIfCancellationRequested();
            var problem = await TryAsync(market, call);
            if (problem.Result is { } result)
            {
                var code = result.Message.Split(':', 2)[0];
                answers[code.Length <= 20 ? code : "(uncoded)"] = answers.GetValueOrDefault(code.Length <= 20 ? code : "(uncoded)") + 1;
                longest = Math.Max(longest, result.Message.Length);
            }

            if (problem.Failure is { } failure)
            {
                failures.Add($"{call}: {failure}");
            }

            var now = market.Snapshot();
            if (!world.SameAs(now))
            {
                failures.Add($"{call}: changed the world: {world.DifferencesTo(now)}");
                world = now;
            }
        }

        // Assert
        await TestContext.Out.WriteLineAsync(
            $"{Calls} hostile calls (seed {seed}) in {clock.Elapsed.TotalSeconds:F1} s; answers: {string.Join(", ", answers.Select(a => $"{a.Key} {a.Value}"))}; longest message {longest} chars");
        Assert.That(failures, Is.Empty, () => $"{failures.Count} hostile calls were not refused cleanly:{Environment.NewLine}" + string.Join(Environment.NewLine, failures.Take(60)));
    }

    /// <summary>Runs one call; the result, and what is wrong with the answer (or the exception), if anything.</summary>
    internal static async Task<(TransactionResult? Result, string? Failure)> TryAsync(BillMarketHarness market, HostileCall call)
    {
        var options = market.Options();
        foreach (var (key, value) in call.Transient)
        {
            options.TransientData[key] = value;
        }

        TransactionResult result;
        try
        {
            var identity = Cast.Identity(call.Actor);
            result = call.Evaluate
                ? await market.Ledger.EvaluateAsync(market.Bills.Name, identity, call.Function, call.Arguments, options)
                : await market.Ledger.SubmitAsync(market.Bills.Name, identity, call.Function, call.Arguments, options);
        }
        catch (Exception ex)
        {
            return (null, $"threw {ex.GetType().Name}: {ex.Message}");
        }

        return (result, Judge(result));
    }

    private static string? Judge(TransactionResult result)
    {
        if (result.Response.IsSuccess)
        {
            return $"succeeded: {Cut(result.PayloadText)}";
        }

        if (result.Commit is not null)
        {
            return "a refusal was committed";
        }

        var message = result.Message;
        var code = Expect.Codes.FirstOrDefault(c => message.StartsWith(c + ": ", StringComparison.Ordinal));
        return code is null ? $"uncoded refusal (status {result.Status}): {Cut(message)}"
            : code != "INVALID_ARGUMENT" ? $"refused as {code}, not INVALID_ARGUMENT: {Cut(message)}"
            : message.Length > MaxMessageLength ? $"a {message.Length}-character refusal: {Cut(message)}"
            : null;
    }

    private static string Cut(string text) => text.Length <= 300 ? text : text[..300] + $"…({text.Length} chars)";
}
