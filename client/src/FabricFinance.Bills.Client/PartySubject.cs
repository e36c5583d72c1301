using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace FabricFinance.Bills.Client;

/// <summary>
/// Renders a certificate's subject the way the bill contract matches a caller to a party
/// (<see cref="Party.Subject"/>, <see cref="PartyRegistration.Subject"/>): as Fabric's Go client identity library
/// renders it, most specific attribute first, for example
/// <c>CN=User1@banka.example.com,OU=client,L=San Francisco,ST=California,C=US</c>.
/// </summary>
/// <remarks>
/// Go keeps nine attribute types and writes them in a fixed order whatever the certificate's own order:
/// <c>SERIALNUMBER, CN, OU, O, POSTALCODE, STREET, L, ST, C</c>; several values of one type are joined with <c>+</c>
/// (<c>OU=a+OU=b</c>), other attribute types are left out, and <c>, + " \ &lt; &gt; ;</c>, a leading space or <c>#</c>
/// and a trailing space are escaped with a backslash.
/// </remarks>
/// <example>
/// <code>
/// var subject = PartySubject.FromPem(File.ReadAllText(certificateFile));
/// await exchange.RegisterPartyAsync(new PartyRegistration("CoreCorp", PartyKind.Enterprise, "BankAMSP", "Core Corp", subject), ct);
/// </code>
/// </example>
public static class PartySubject
{
    /// <summary>
    /// The attribute types kept, least specific first (Go's order), and whether a later value replaces an earlier one.
    /// </summary>
    private static readonly (string Oid, string Label, bool Single)[] Attributes =
    [
        ("2.5.4.6", "C", false),
        ("2.5.4.8", "ST", false),
        ("2.5.4.7", "L", false),
        ("2.5.4.9", "STREET", false),
        ("2.5.4.17", "POSTALCODE", false),
        ("2.5.4.10", "O", false),
        ("2.5.4.11", "OU", false),
        ("2.5.4.3", "CN", true),
        ("2.5.4.5", "SERIALNUMBER", true),
    ];

    /// <summary>Renders the subject of a certificate.</summary>
    /// <param name="certificate">The certificate of the identity that acts for the party.</param>
    /// <returns>The subject as the contract renders it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="certificate"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The subject is not valid DER or holds a value that is not a string.</exception>
    public static string FromCertificate(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return Render(certificate.SubjectName.RawData);
    }

    /// <summary>Renders the subject of a PEM-encoded certificate.</summary>
    /// <param name="certificatePem">The certificate, PEM-encoded.</param>
    /// <returns>The subject as the contract renders it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="certificatePem"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The text holds no certificate, or its subject is not valid.</exception>
    public static string FromPem(string certificatePem)
    {
        ArgumentNullException.ThrowIfNull(certificatePem);
        try
        {
            using var certificate = X509Certificate2.CreateFromPem(certificatePem);
            return FromCertificate(certificate);
        }
        catch (CryptographicException ex)
        {
            throw new ArgumentException($"The text is not a PEM certificate: {ex.Message}", nameof(certificatePem), ex);
        }
    }

    private static string Render(ReadOnlyMemory<byte> der)
    {
        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        try
        {
            var name = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
            while (name.HasData)
            {
                var rdn = name.ReadSetOf(skipSortOrderValidation: true);
                while (rdn.HasData)
                {
                    var attribute = rdn.ReadSequence();
                    var oid = attribute.ReadObjectIdentifier();
                    var value = ReadString(attribute, oid);
                    Keep(values, oid, value);
                }
            }
        }
        catch (AsnContentException ex)
        {
            throw new ArgumentException($"The certificate subject is not valid DER: {ex.Message}", nameof(der), ex);
        }

        var parts = new List<string>();
        foreach (var (oid, label, _) in Attributes)
        {
            if (values.TryGetValue(oid, out var list))
            {
                parts.Add(string.Join('+', list.Select(v => label + "=" + Escape(v))));
            }
        }

        parts.Reverse();
        return string.Join(',', parts);
    }

    private static void Keep(Dictionary<string, List<string>> values, string oid, string value)
    {
        var index = Array.FindIndex(Attributes, a => a.Oid == oid);
        if (index < 0)
        {
            return;
        }

        if (Attributes[index].Single)
        {
            if (value.Length == 0)
            {
                values.Remove(oid);
            }
            else
            {
                values[oid] = [value];
            }

            return;
        }

        if (!values.TryGetValue(oid, out var list))
        {
            values[oid] = list = [];
        }

        list.Add(value);
    }

    private static string ReadString(AsnReader attribute, string oid)
    {
        var tag = attribute.PeekTag();
        if (tag.TagClass != TagClass.Universal || tag.IsConstructed)
        {
            throw new ArgumentException($"The value of subject attribute {oid} is not a string.");
        }

        var number = (UniversalTagNumber)tag.TagValue;
        if (number == UniversalTagNumber.T61String)
        {
            var bytes = attribute.ReadOctetString(new Asn1Tag(UniversalTagNumber.T61String));
            return Encoding.Latin1.GetString(bytes);
        }

        return number switch
        {
            UniversalTagNumber.UTF8String or UniversalTagNumber.PrintableString or UniversalTagNumber.IA5String
                or UniversalTagNumber.NumericString or UniversalTagNumber.BMPString or UniversalTagNumber.VisibleString
                => attribute.ReadCharacterString(number),
            _ => throw new ArgumentException($"The value of subject attribute {oid} is a {number}, which is not a string type Fabric accepts."),
        };
    }

    private static string Escape(string value)
    {
        var escaped = new StringBuilder(value.Length + 4);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var atEdge = (i == 0 && c is ' ' or '#') || (i == value.Length - 1 && c == ' ');
            if (atEdge || c is ',' or '+' or '"' or '\\' or '<' or '>' or ';')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }
}
