namespace FabricFinance.Bills.Tests.Hostile;

/// <summary>Breaks one field of a JSON object argument: an amount, a date, or its shape (unknown, missing, doubled, wrongly typed, invalid).</summary>
internal static class HostileJson
{
    private static readonly string[] UnknownFields = ["extra", "ID", "", "id\u0000", "__proto__", "$type", "Id", "amount ", "constructor"];

    /// <summary>A broken copy of <paramref name="json"/> and what was broken, or <see langword="null"/> when it has no field for <paramref name="category"/>.</summary>
    public static (string Json, string Defect)? Mutate(HostileJsonObject json, HostileCategory category, Random random)
    {
        T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
        var fields = json.Fields;
        switch (category)
        {
            case HostileCategory.Amount:
            {
                var amounts = fields.Where(f => f.Kind is HostileField.Amount or HostileField.OptionalAmount).ToList();
                if (amounts.Count == 0)
                {
                    return null;
                }

                var field = Pick(amounts);
                var value = field.Kind == HostileField.OptionalAmount && random.Next(5) == 0 ? "1000000" : Pick(HostileValues.JsonAmounts);
                return (json.With(field.Name, value), $"{field.Name} {value}");
            }

            case HostileCategory.Date:
            {
                var dates = fields.Where(f => f.Kind is HostileField.DueDate or HostileField.FilterDate).ToList();
                if (dates.Count == 0)
                {
                    return null;
                }

                if (dates.Count == 2 && random.Next(4) == 0)
                {
                    return (json.With(dates[0].Name, "\"2026-12-31\"").Replace("\"dueTo\":\"2026-12-31\"", "\"dueTo\":\"2026-01-01\"", StringComparison.Ordinal), "dueFrom after dueTo");
                }

                var field = Pick(dates);
                var value = Pick(field.Kind == HostileField.DueDate ? HostileValues.JsonDueDates : HostileValues.JsonFilterDates);
                return (json.With(field.Name, value), $"{field.Name} {value}");
            }

            default:
            {
                var field = Pick(fields);
                switch (random.Next(6))
                {
                    case 0:
                        var unknown = Pick(UnknownFields);
                        return (json.Plus(unknown, Pick(["1", "\"x\"", "null", "{}", "[]"])), $"unknown field '{unknown}'");
                    case 1 when field.Required:
                        return (json.Without(field.Name), $"required {field.Name} missing");
                    case 2 when field.Required:
                        return (json.With(field.Name, "null"), $"required {field.Name} null");
                    case 3:
                        return (json.Plus(field.Name, field.Value), $"{field.Name} twice");
                    default:
                        var value = Bad(field.Kind, random);
                        return (json.With(field.Name, value), $"{field.Name} {Short(value)}");
                }
            }
        }
    }

    /// <summary>Raw JSON that breaks the rule of a field of kind <paramref name="kind"/>.</summary>
    private static string Bad(HostileField kind, Random random)
    {
        T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
        return kind switch
        {
            HostileField.Id or HostileField.BillId or HostileField.PartyId or HostileField.FilterParty =>
                random.Next(3) == 0 ? Pick(HostileValues.NotStrings) : HostileValues.Quote(Pick(HostileValues.Ids)),
            HostileField.Amount or HostileField.OptionalAmount => Pick(HostileValues.JsonAmounts),
            HostileField.DueDate => Pick(HostileValues.JsonDueDates),
            HostileField.FilterDate => Pick(HostileValues.JsonFilterDates),
            HostileField.Boolean => Pick(HostileValues.NotBooleans),
            HostileField.BillKind => Pick(HostileValues.BillKinds),
            HostileField.PartyKind => Pick(HostileValues.PartyKinds),
            HostileField.MspId => Pick(HostileValues.MspIds),
            HostileField.Name => Pick(HostileValues.Names),
            HostileField.Subject => Pick(["\"\"", "\"no equals sign\"", "\"CN=x\\n,OU=client\"", "\"CN=" + new string('s', 1025) + "\"", "1", "\"CN=\\ud800\""]),
            HostileField.Institution => Pick(["\"Exchange\"", "[]", "{\"id\":\"Exchange\"}", "{\"id\":\"Exchange\",\"name\":\"n\",\"x\":1}", "{\"id\":\"a b\",\"name\":\"n\"}", "1"]),
            HostileField.FilterStatus => Pick(["\"Bogus\"", "1", "true", "\"\"", "[]", "\"Active \""]),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }

    private static string Short(string value) => value.Length <= 40 ? value : value[..37] + "...";
}
