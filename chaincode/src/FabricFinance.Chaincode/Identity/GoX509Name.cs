using System.Formats.Asn1;
using System.Text;

namespace FabricFinance.Chaincode.Identity;

/// <summary>
/// An X.509 name as Go's <c>crypto/x509</c> sees it, and rendered the way Fabric's Go <c>cid</c>
/// package renders it in client identity ids. Go keeps only nine attribute types of a parsed name
/// (C, ST, L, STREET, POSTALCODE, O, OU, CN, SERIALNUMBER), groups all values of one type into one
/// relative distinguished name, and writes the types in a fixed order, most specific first:
/// <c>SERIALNUMBER, CN, OU, O, POSTALCODE, STREET, L, ST, C</c>. So the rendering does not follow the
/// certificate's own RDN order or structure: two OUs become <c>OU=a+OU=b</c>, a multi-valued RDN
/// <c>CN=x+OU=y</c> becomes <c>CN=x,OU=y</c>, and other attributes (emailAddress, DC, UID) are left out.
/// </summary>
internal sealed class GoX509Name
{
    /// <summary>The attribute types Go keeps, in the order its <c>pkix.Name.ToRDNSequence</c> emits them.</summary>
    private static readonly (string Oid, string Label, bool SingleValued)[] Fields =
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

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly Dictionary<string, List<string>> _values;

    private GoX509Name(Dictionary<string, List<string>> values) => _values = values;

    /// <summary>Gets the organizational unit values, in certificate order.</summary>
    public IReadOnlyList<string> OrganizationalUnits => _values.TryGetValue("2.5.4.11", out var units) ? units : [];

    /// <summary>Reads a DER-encoded X.509 name.</summary>
    /// <exception cref="ArgumentException">The name is not valid DER, or holds a value Go's parser rejects.</exception>
    public static GoX509Name Parse(ReadOnlyMemory<byte> der)
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
                    var tag = attribute.PeekTag();
                    var value = ReadString(tag, attribute.ReadEncodedValue(), oid);
                    Keep(values, oid, value);
                }
            }
        }
        catch (AsnContentException ex)
        {
            throw new ArgumentException($"The X.509 name is not valid DER: {ex.Message}", nameof(der), ex);
        }

        return new GoX509Name(values);
    }

    /// <summary>Renders the name as the Go <c>cid</c> package does (RFC 2253 style escaping).</summary>
    public override string ToString()
    {
        var rdns = new List<string>();
        foreach (var (oid, label, _) in Fields)
        {
            if (_values.TryGetValue(oid, out var values))
            {
                rdns.Add(string.Join('+', values.Select(v => label + "=" + Escape(v))));
            }
        }

        rdns.Reverse();
        return string.Join(',', rdns);
    }

    private static void Keep(Dictionary<string, List<string>> values, string oid, string value)
    {
        var field = Array.FindIndex(Fields, f => f.Oid == oid);
        if (field < 0)
        {
            return;
        }

        if (Fields[field].SingleValued)
        {
            // Go keeps the last CN or serial number, and drops an empty one.
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

    /// <summary>Decodes an attribute value the way Go's x509 parser does; other value types fail the parse there too.</summary>
    private static string ReadString(Asn1Tag tag, ReadOnlyMemory<byte> encoded, string oid)
    {
        if (tag.TagClass != TagClass.Universal || tag.IsConstructed)
        {
            throw new ArgumentException($"The value of attribute {oid} is not a string ({tag}).");
        }

        AsnDecoder.ReadEncodedValue(encoded.Span, AsnEncodingRules.DER, out var offset, out var length, out _);
        var bytes = encoded.Span.Slice(offset, length);
        return (UniversalTagNumber)tag.TagValue switch
        {
            UniversalTagNumber.UTF8String => DecodeUtf8(bytes, oid),
            UniversalTagNumber.PrintableString => DecodeAscii(bytes, IsGoPrintable, "PrintableString", oid),
            UniversalTagNumber.IA5String => DecodeAscii(bytes, b => b < 0x80, "IA5String", oid),
            UniversalTagNumber.NumericString => DecodeAscii(bytes, b => b is (>= (byte)'0' and <= (byte)'9') or (byte)' ', "NumericString", oid),
            UniversalTagNumber.T61String => DecodeT61(bytes),
            UniversalTagNumber.BMPString => DecodeBmp(bytes, oid),
            _ => throw new ArgumentException($"The value of attribute {oid} is a {(UniversalTagNumber)tag.TagValue}, which Go's x509 parser does not accept."),
        };
    }

    private static string DecodeUtf8(ReadOnlySpan<byte> bytes, string oid)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            throw new ArgumentException($"The value of attribute {oid} is not valid UTF-8.", ex);
        }
    }

    private static string DecodeAscii(ReadOnlySpan<byte> bytes, Func<byte, bool> allowed, string type, string oid)
    {
        foreach (var b in bytes)
        {
            if (!allowed(b))
            {
                throw new ArgumentException($"The value of attribute {oid} is not a valid {type} (byte 0x{b:X2}).");
            }
        }

        return Encoding.ASCII.GetString(bytes);
    }

    /// <summary>Go takes T61String bytes as they are; read them as UTF-8 when they are, else as Latin-1.</summary>
    private static string DecodeT61(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(bytes);
        }
    }

    private static string DecodeBmp(ReadOnlySpan<byte> bytes, string oid)
    {
        if (bytes.Length % 2 != 0)
        {
            throw new ArgumentException($"The value of attribute {oid} is not a valid BMPString (odd length).");
        }

        if (bytes.Length >= 2 && bytes[^1] == 0 && bytes[^2] == 0)
        {
            bytes = bytes[..^2]; // Go strips a terminating NUL.
        }

        return new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: false).GetString(bytes);
    }

    /// <summary>Go's PrintableString alphabet, which also lets '*' and '&amp;' through for real-world certificates.</summary>
    private static bool IsGoPrintable(byte b) =>
        b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9')
            or (byte)' ' or (byte)'\'' or (byte)'(' or (byte)')' or (byte)'+' or (byte)',' or (byte)'-' or (byte)'.'
            or (byte)'/' or (byte)':' or (byte)'=' or (byte)'?' or (byte)'*' or (byte)'&';

    /// <summary>
    /// The cid package's escaping: a backslash before , + " \ &lt; &gt; ; anywhere, before a leading
    /// space or #, and before a trailing space. Nothing else (not '=', not non-ASCII) is escaped.
    /// </summary>
    private static string Escape(string value)
    {
        var escaped = new StringBuilder(value.Length + 4);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var edge = (i == 0 && c is ' ' or '#') || (i == value.Length - 1 && c == ' ');
            if (edge || c is ',' or '+' or '"' or '\\' or '<' or '>' or ';')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }
}
