using System.Formats.Asn1;
using System.Security.Cryptography.X509Certificates;
using static FabricFinance.Chaincode.Tests.Identity.IdentityCertificates;

namespace FabricFinance.Chaincode.Tests.Identity;

/// <summary>
/// Subjects and the string Fabric's Go <c>cid</c> package renders for each. The expected strings were
/// produced by Go 1.19's <c>crypto/x509</c> parsing these very names, then <c>cid</c>'s DN rendering.
/// </summary>
internal static class GoNameCases
{
    /// <summary>The test CA's name as Go renders it.</summary>
    public const string TestCaRendered = "CN=ca.banka.example.com,O=banka.example.com,C=US";

    public static IEnumerable<TestCaseData> Rendered()
    {
        yield return Case(
            "CryptogenLikeClient",
            Name(Rdn(C, "US", UniversalTagNumber.PrintableString), Rdn(ST, "California"), Rdn(L, "San Francisco"), Rdn(OU, "client"), Rdn(CN, "User1@banka.example.com")),
            "CN=User1@banka.example.com,OU=client,L=San Francisco,ST=California,C=US");
        yield return Case(
            "SeveralOus_JoinedIntoOneRdn",
            Name(Rdn(C, "US", UniversalTagNumber.PrintableString), Rdn(ST, "California"), Rdn(L, "San Francisco"), Rdn(O, "BankA"), Rdn(OU, "client"), Rdn(OU, "org1"), Rdn(OU, "department1"), Rdn(CN, "user1")),
            "CN=user1,OU=client+OU=org1+OU=department1,O=BankA,L=San Francisco,ST=California,C=US");
        yield return Case(
            "MultiValuedRdn_SplitByType",
            Name(Rdn(C, "US", UniversalTagNumber.PrintableString), Rdn(O, "Org"), [new(CN, "alice"), new(OU, "client")]),
            "CN=alice,OU=client,O=Org,C=US");
        yield return Case(
            "CertificateOrderIgnored_GoOrderUsed",
            Name(Rdn(CN, "bob"), Rdn(OU, "peer"), Rdn(O, "Org"), Rdn(C, "US", UniversalTagNumber.PrintableString)),
            "CN=bob,OU=peer,O=Org,C=US");
        yield return Case(
            "SpecialCharacters_Escaped",
            Name(Rdn(O, " leading space"), Rdn(CN, "#lead,comma+plus\"quote\\back<lt>gt;semi=eq trailing ")),
            "CN=\\#lead\\,comma\\+plus\\\"quote\\\\back\\<lt\\>gt\\;semi=eq trailing\\ ,O=\\ leading space");
        yield return Case(
            "OtherAttributeTypes_Dropped",
            Name(
                Rdn(DomainComponent, "com", UniversalTagNumber.IA5String),
                Rdn(DomainComponent, "example", UniversalTagNumber.IA5String),
                Rdn(C, "US", UniversalTagNumber.PrintableString),
                Rdn(ST, "CA"),
                Rdn(L, "SF"),
                Rdn(Street, "1 Main St"),
                Rdn(PostalCode, "94105"),
                Rdn(O, "X"),
                Rdn(OU, "Y"),
                Rdn(CN, "Z"),
                Rdn(SerialNumber, "1234", UniversalTagNumber.PrintableString),
                Rdn(Email, "z@example.com", UniversalTagNumber.IA5String)),
            "SERIALNUMBER=1234,CN=Z,OU=Y,O=X,POSTALCODE=94105,STREET=1 Main St,L=SF,ST=CA,C=US");
        yield return Case(
            "NonAsciiUtf8_NotEscaped",
            Name(Rdn(O, "Bänk"), Rdn(CN, "Zoë 日本 \U0001D11E")),
            "CN=Zoë 日本 \U0001D11E,O=Bänk");
        yield return Case(
            "BmpString_Decoded",
            Name(Rdn(CN, "Zoë", UniversalTagNumber.BMPString)),
            "CN=Zoë");
        yield return Case(
            "T61String_Ascii",
            Name(Rdn(CN, "plain", UniversalTagNumber.T61String)),
            "CN=plain");
        yield return Case(
            "PrintableStringWildcard_AcceptedAsGoDoes",
            Name(RawRdn(CN, UniversalTagNumber.PrintableString, "*.example.com"u8.ToArray())),
            "CN=*.example.com");
        yield return Case(
            "TwoCommonNames_LastWins",
            Name(Rdn(CN, "first"), Rdn(CN, "second")),
            "CN=second");
        yield return Case(
            "EmptyCommonName_Dropped",
            Name(Rdn(C, "US", UniversalTagNumber.PrintableString), Rdn(O, "Org"), Rdn(CN, string.Empty)),
            "O=Org,C=US");
    }

    /// <summary>Subjects Go's x509 parser rejects, so the Go cid package cannot read the identity.</summary>
    public static IEnumerable<TestCaseData> Rejected()
    {
        yield return new TestCaseData(Name(Rdn(CN, "wide", UniversalTagNumber.UniversalString))).SetArgDisplayNames("UniversalString");
        yield return new TestCaseData(Name(RawRdn(CN, UniversalTagNumber.PrintableString, "under_score"u8.ToArray()))).SetArgDisplayNames("PrintableStringWithUnderscore");
        yield return new TestCaseData(Name(RawRdn(CN, UniversalTagNumber.UTF8String, [0x61, 0xFF]))).SetArgDisplayNames("InvalidUtf8");
        yield return new TestCaseData(Name(RawRdn(CN, UniversalTagNumber.IA5String, [0x61, 0xE9]))).SetArgDisplayNames("NonAsciiIA5String");
        yield return new TestCaseData(Name(RawRdn("1.2.3.4", UniversalTagNumber.Integer, [0x05]))).SetArgDisplayNames("IntegerValue");
    }

    private static TestCaseData Case(string name, X500DistinguishedName subject, string expected) =>
        new TestCaseData(subject, expected).SetArgDisplayNames(name);
}
