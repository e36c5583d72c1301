using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.RegularExpressions;
using FabricFinance.Chaincode.Contracts;
using FabricFinance.Chaincode.Tests.Contracts.Infrastructure;

namespace FabricFinance.Chaincode.Tests.Fuzz;

/// <summary>
/// The contract router under seeded random function names and argument texts. Regressions of what
/// the hostile-input run (issue 8, part 4a) found: an integer argument <c>"100\0"</c> was bound as
/// 100; enums inside JSON took other casings, white space and comma lists (<c>"InDeal,Active"</c>
/// read as <c>Presented</c>); and a function naming an unknown contract, or an unknown transaction
/// of the system contract, was refused in the router's words instead of the default contract's.
/// </summary>
[TestFixture]
[CancelAfter(60_000)]
public sealed partial class RouterFuzzTests
{
    private const int Seed = 4_003;
    private static readonly ContractRouter Router = ContractRouter.Create([new FuzzContract(), new OtherFuzzContract()]);

    [Test]
    public async Task InvokeAsync_TwoThousandRandomFunctionNames_SucceedOnlyWhenRoutedAndEveryRefusalIsTheContractsOwn()
    {
        // Arrange
        var random = new Random(Seed);
        string[] parts = ["fuzz", "other", "Echo", "Ping", "org.hyperledger.fabric", "GetMetadata", ":", "::", string.Empty, "x", "\0", "\n", "é", "😀", " ", "Fuzz", "ECHO"];
        var wrong = new List<string>();

        // Act
        for (var i = 0; i < 2_000; i++)
        {
            var function = string.Concat(Enumerable.Range(0, random.Next(1, 5)).Select(_ => parts[random.Next(parts.Length)]));
            var response = await Router.InvokeAsync(function, "arg");
            var routes = function is "Echo" or "fuzz:Echo" or "other:Ping" or "org.hyperledger.fabric:GetMetadata";
            if (response.IsSuccess != routes)
            {
                wrong.Add($"{Show(function)}: {(response.IsSuccess ? "succeeded" : response.Message)}");
            }
            else if (!response.IsSuccess && !response.Message.StartsWith(FuzzContract.Prefix, StringComparison.Ordinal))
            {
                wrong.Add($"{Show(function)}: refused in words other than the contract's: {response.Message}");
            }
        }

        // Assert
        Assert.That(wrong, Is.Empty);
    }

    [Test]
    public async Task InvokeAsync_RandomIntegerTexts_BoundExactlyWhenDecimalDigitsInRange()
    {
        // Arrange
        var random = new Random(Seed);
        string[] pieces = ["0", "1", "9", "42", "-", "+", " ", "\0", "\t", "\n", "e", "x", "_", ",", ".", "١", "٣", "９", "9223372036854775807", "9223372036854775808", "00"];
        var texts = new List<string> { "100\0", "100\0\0", "\0100", " 100", "100 ", "+100", "-0" };
        texts.AddRange(Enumerable.Range(0, 3_000).Select(_ => string.Concat(Enumerable.Range(0, random.Next(1, 5)).Select(_ => pieces[random.Next(pieces.Length)]))));
        var wrong = new List<string>();

        // Act
        foreach (var text in texts)
        {
            var response = await Router.InvokeAsync("Amount", text);
            var expected = DecimalInteger().IsMatch(text) && BigInteger.Parse(text, CultureInfo.InvariantCulture) is var n && n >= long.MinValue && n <= long.MaxValue;
            if (response.IsSuccess != expected)
            {
                wrong.Add($"{Show(text)}: {(response.IsSuccess ? "bound as " + Encoding.UTF8.GetString(response.Payload.Span) : response.Message)}");
            }
            else if (expected && Encoding.UTF8.GetString(response.Payload.Span) != BigInteger.Parse(text, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture))
            {
                wrong.Add($"{Show(text)}: bound as {Encoding.UTF8.GetString(response.Payload.Span)}");
            }
        }

        // Assert
        Assert.That(wrong, Is.Empty);
    }

    [Test]
    public async Task InvokeAsync_RandomEnumSpellings_BoundOnlyAsExactlyNamedAsArgumentAndInsideJson()
    {
        // Arrange
        var random = new Random(Seed);
        string[] names = ["light", "Dark", "InBetween"];
        string[] spellings = ["light", "Light", "LIGHT", "dark", "Dark", "DARK", "InBetween", "inbetween", "Light, Dark", "light,Dark", "Dark,InBetween", "0", "1", "2", "-1", string.Empty];
        var texts = new List<string>(spellings);
        for (var i = 0; i < 500; i++)
        {
            var name = names[random.Next(names.Length)];
            texts.Add(random.Next(4) switch
            {
                0 => " " + name,
                1 => name + " ",
                2 => name + "," + names[random.Next(names.Length)],
                _ => new string(name.Select(c => random.Next(2) == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c)).ToArray()),
            });
        }

        var wrong = new List<string>();

        // Act
        foreach (var text in texts.Distinct())
        {
            var expected = names.Contains(text);
            var scalar = await Router.InvokeAsync("Paint", text);
            var json = await Router.InvokeAsync("Canvas", "{\"shade\":" + System.Text.Json.JsonSerializer.Serialize(text) + "}");
            foreach (var (how, response) in new[] { ("argument", scalar), ("inside JSON", json) })
            {
                if (response.IsSuccess != expected || (!response.IsSuccess && !response.Message.StartsWith(FuzzContract.Prefix, StringComparison.Ordinal)))
                {
                    wrong.Add($"{Show(text)} {how}: {(response.IsSuccess ? "bound as " + Encoding.UTF8.GetString(response.Payload.Span) : response.Message)}");
                }
            }
        }

        // Assert
        Assert.That(wrong, Is.Empty);
    }

    [TestCase("nosuch:Echo", "REFUSED: There is no contract named 'nosuch'; the contracts are fuzz, other.")]
    [TestCase("org.hyperledger.fabric:Nope", "REFUSED: The system contract org.hyperledger.fabric has no transaction 'Nope'; it has GetMetadata.")]
    public async Task InvokeAsync_FunctionReachingNoContract_WordedByTheDefaultContract(string function, string expected)
    {
        // Act
        var response = await Router.InvokeAsync(function);

        // Assert
        Assert.That((response.Status, response.Message), Is.EqualTo((500, expected)));
    }

    private static string Show(string text) => "\"" + string.Concat(text.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString())) + "\"";

    [GeneratedRegex(@"^[+-]?[0-9]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalInteger();
}
