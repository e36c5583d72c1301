using System.Globalization;
using System.Text;

namespace FabricFinance.Bills.Tests.Hostile;

/// <summary>
/// Generates hostile invocations of the bill chaincode from a seed: each starts from a call that makes
/// sense in the world <see cref="HostileWorld"/> arranges (the right caller, existing bills and deals)
/// and breaks exactly one rule of form, so the only right answer is a refusal. The same seed gives the
/// same calls.
/// </summary>
internal sealed class HostileCallGenerator(int seed)
{
    private static readonly HostileCategory[] Categories = Enum.GetValues<HostileCategory>();

    private readonly Random _random = new(seed);

    /// <summary>Generates <paramref name="count"/> calls, the categories in turn so that each gets its share.</summary>
    public IEnumerable<HostileCall> Generate(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var category = Categories[i % Categories.Length];
            HostileCall? call = null;
            while (call is null)
            {
                call = Make(i, category, Pick(HostileTemplate.All));
            }

            yield return call;
        }
    }

    private HostileCall? Make(int index, HostileCategory category, HostileTemplate template)
    {
        var args = template.Arguments.ToList();
        var transient = template.Transient.ToDictionary(t => t.Key, t => Encoding.UTF8.GetBytes(t.Value), StringComparer.Ordinal);
        var function = template.Function;
        string defect;
        switch (category)
        {
            case HostileCategory.Arity:
                if (template.MinimumCount > 0 && Chance(2))
                {
                    args.RemoveRange(template.MinimumCount - 1, args.Count - template.MinimumCount + 1);
                    defect = $"{args.Count} arguments, at least {template.MinimumCount} needed";
                }
                else
                {
                    var extra = 1 + _random.Next(5);
                    args.AddRange(Enumerable.Range(0, extra).Select(_ => Pick(HostileValues.Ids)));
                    defect = $"{args.Count} arguments, at most {template.Arguments.Count} taken";
                }

                break;
            case HostileCategory.ArgumentValue:
            {
                var candidates = Positions(template, k => k is not HostileArgument.Json);
                if (candidates.Count == 0)
                {
                    return null;
                }

                var at = Pick(candidates);
                args[at] = BadText(template.Kinds[at]);
                defect = $"argument {at} ({template.Kinds[at]}) breaks its rule";
                break;
            }

            case HostileCategory.MalformedJson:
            {
                var at = FirstJson(template);
                if (at < 0)
                {
                    return null;
                }

                args[at] = Chance(3) ? args[at][..Math.Max(0, _random.Next(args[at].Length))] : Pick(HostileValues.MalformedJson);
                defect = "not one JSON object";
                break;
            }

            case HostileCategory.DeepJson:
            {
                var at = FirstJson(template);
                if (at < 0)
                {
                    return null;
                }

                var depth = Pick(HostileValues.Depths);
                args[at] = HostileValues.Deep(depth, _random.Next(4));
                defect = $"JSON nested {depth} levels";
                break;
            }

            case HostileCategory.JsonField:
            case HostileCategory.Amount:
            case HostileCategory.Date:
            {
                var at = FirstJson(template);
                if (at < 0)
                {
                    if (category == HostileCategory.Amount && template.Function == "EndorseBill")
                    {
                        args[2] = Pick(HostileValues.AmountTexts);
                        defect = "endorsed amount not an amount";
                        break;
                    }

                    return null;
                }

                var mutated = HostileJson.Mutate(template.Json!, category, _random);
                if (mutated is null)
                {
                    return null;
                }

                (args[at], defect) = mutated.Value;
                break;
            }

            case HostileCategory.HugeString:
            {
                var huge = Chance(4) ? HostileValues.FourMegabytes : HostileValues.OneMegabyte;
                var at = _random.Next(Math.Max(1, args.Count));
                if (args.Count == 0)
                {
                    args.Add(huge);
                    defect = "a megabyte-sized extra argument";
                }
                else if (template.Kinds[at] == HostileArgument.Json && template.Json is not null)
                {
                    var field = Pick(template.Json.Fields);
                    args[at] = template.Json.With(field.Name, HostileValues.Quote(huge));
                    defect = $"{huge.Length / (1 << 20)} MB in JSON field {field.Name}";
                }
                else if (template.Kinds[at] is HostileArgument.PageSize or HostileArgument.Amount)
                {
                    args[at] = new string('9', huge.Length);
                    defect = $"a {huge.Length / (1 << 20)}-MB number";
                }
                else
                {
                    args[at] = huge;
                    defect = $"{huge.Length / (1 << 20)} MB as argument {at} ({template.Kinds[at]})";
                }

                break;
            }

            case HostileCategory.InvalidText:
                if (Chance(4))
                {
                    function = Chance(2) ? RawArguments.Encode([.. Encoding.UTF8.GetBytes(function), .. Pick(HostileValues.InvalidUtf8)]) : function + Pick(["\0", "\n", "\u0001", "\u202e"]);
                    defect = "function name with control characters or bytes that are not UTF-8";
                }
                else if (args.Count > 0)
                {
                    var at = _random.Next(args.Count);
                    var bytes = Encoding.UTF8.GetBytes(args[at]);
                    var cut = _random.Next(bytes.Length + 1);
                    args[at] = RawArguments.Encode([.. bytes[..cut], .. Pick(HostileValues.InvalidUtf8), .. bytes[cut..]]);
                    defect = $"argument {at} is not UTF-8";
                }
                else
                {
                    return null;
                }

                break;
            case HostileCategory.UnknownFunction:
                function = Pick(HostileValues.UnknownFunctions);
                defect = "no such transaction";
                break;
            case HostileCategory.Transient:
            {
                if (template.TransientKey is not { } key)
                {
                    return null;
                }

                if (Chance(6))
                {
                    transient.Remove(key);
                    defect = $"transient {key} missing";
                }
                else if (Chance(5))
                {
                    transient[key] = Chance(2) ? Encoding.UTF8.GetBytes(HostileValues.Deep(Pick(HostileValues.Depths), _random.Next(4))) : Pick(HostileValues.InvalidUtf8);
                    defect = $"transient {key} deep or not UTF-8";
                }
                else
                {
                    transient[key] = Encoding.UTF8.GetBytes(Pick(key == "terms" ? HostileValues.Terms : HostileValues.Settlements));
                    defect = $"transient {key} malformed or out of range";
                }

                break;
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(category), category, null);
        }

        if (category != HostileCategory.Transient && Chance(4))
        {
            AddJunk(transient, template.TransientKey);
        }

        return new HostileCall(index, category, function, template.Actor, args, transient, template.Evaluate || Chance(20), defect);
    }

    /// <summary>A text that breaks the rule of an argument of kind <paramref name="kind"/>.</summary>
    private string BadText(HostileArgument kind) => kind switch
    {
        HostileArgument.Id or HostileArgument.BillId or HostileArgument.PartyId => Pick(HostileValues.Ids),
        HostileArgument.Reason => Pick(HostileValues.Reasons),
        HostileArgument.PaymentRef => Pick(HostileValues.PaymentRefs),
        HostileArgument.Amount => Pick(HostileValues.AmountTexts),
        HostileArgument.PageSize => Pick(HostileValues.PageSizes),
        HostileArgument.Bookmark => Pick(HostileValues.Bookmarks),
        HostileArgument.PartyStatus => Pick(HostileValues.PartyStatuses),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>
    /// Random transient entries beside a call's own (never its own key): the chaincode must ignore them. No empty
    /// key: the in-memory ledger refuses one (the real-network test sends it).
    /// </summary>
    private void AddJunk(Dictionary<string, byte[]> transient, string? own)
    {
        for (var n = 1 + _random.Next(3); n > 0; n--)
        {
            var key = Pick(["x", "terms ", "settlement\0", "Terms", new string('k', 300), "\u202e", "rateBps", "paymentRef", "junk-" + _random.Next(1000).ToString(CultureInfo.InvariantCulture)]);
            if (key == own)
            {
                continue;
            }

            var value = new byte[Chance(50) ? 1 << 20 : _random.Next(4096)];
            _random.NextBytes(value);
            transient[key] = value;
        }
    }

    private static List<int> Positions(HostileTemplate template, Func<HostileArgument, bool> where) =>
        [.. Enumerable.Range(0, template.Kinds.Count).Where(i => where(template.Kinds[i]))];

    private static int FirstJson(HostileTemplate template)
    {
        for (var i = 0; i < template.Kinds.Count; i++)
        {
            if (template.Kinds[i] == HostileArgument.Json)
            {
                return i;
            }
        }

        return -1;
    }

    private bool Chance(int oneIn) => _random.Next(oneIn) == 0;

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
