using System.Text;

namespace FabricFinance.Bills.Tests.Hostile;

/// <summary>A JSON object argument as ordered raw fields, so that any field can be given any raw text, removed or doubled.</summary>
/// <param name="Fields">The fields of the valid object, in order: name, kind, raw JSON value, whether required.</param>
internal sealed record HostileJsonObject(IReadOnlyList<(string Name, HostileField Kind, string Value, bool Required)> Fields)
{
    /// <summary>The valid object.</summary>
    public override string ToString() => Render(Fields.Select(f => (f.Name, f.Value)));

    /// <summary>The object with one field's value replaced by raw JSON text.</summary>
    public string With(string name, string rawValue) => Render(Fields.Select(f => (f.Name, f.Name == name ? rawValue : f.Value)));

    /// <summary>The object without one field.</summary>
    public string Without(string name) => Render(Fields.Where(f => f.Name != name).Select(f => (f.Name, f.Value)));

    /// <summary>The object with one more field, raw name and value (the name is JSON-escaped).</summary>
    public string Plus(string name, string rawValue) => Render([.. Fields.Select(f => (f.Name, f.Value)), (name, rawValue)]);

    private static string Render(IEnumerable<(string Name, string Value)> fields)
    {
        var text = new StringBuilder("{");
        foreach (var (name, value) in fields)
        {
            if (text.Length > 1)
            {
                text.Append(',');
            }

            text.Append(HostileValues.Quote(name)).Append(':').Append(value);
        }

        return text.Append('}').ToString();
    }
}
