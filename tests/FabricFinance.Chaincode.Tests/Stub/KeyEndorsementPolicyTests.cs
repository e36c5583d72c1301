using Google.Protobuf;
using Hyperledger.Fabric.Protos.Common;
using Hyperledger.Fabric.Protos.Msp;
using RoleType = Hyperledger.Fabric.Protos.Msp.MSPRole.Types.MSPRoleType;

namespace FabricFinance.Chaincode.Tests.Stub;

[TestFixture]
public sealed class KeyEndorsementPolicyTests
{
    private static MSPRole Role(SignaturePolicyEnvelope envelope, int index)
    {
        var principal = envelope.Identities[index];
        Assert.That(principal.PrincipalClassification, Is.EqualTo(MSPPrincipal.Types.Classification.Role));
        return MSPRole.Parser.ParseFrom(principal.Principal);
    }

    private static MSPPrincipal RolePrincipal(string mspId, RoleType role) => new()
    {
        PrincipalClassification = MSPPrincipal.Types.Classification.Role,
        Principal = new MSPRole { MspIdentifier = mspId, Role = role }.ToByteString(),
    };

    private static SignaturePolicyEnvelope AllOf(params MSPPrincipal[] principals)
    {
        var all = new SignaturePolicy.Types.NOutOf { N = principals.Length };
        all.Rules.AddRange(principals.Select((_, i) => new SignaturePolicy { SignedBy = i }));
        var envelope = new SignaturePolicyEnvelope { Rule = new SignaturePolicy { NOutOf = all } };
        envelope.Identities.AddRange(principals);
        return envelope;
    }

    [Test]
    public void GetPolicy_TwoOrgs_IsAllOfTheirRolePrincipalsSortedByMspId()
    {
        // Arrange
        var policy = new KeyEndorsementPolicy();
        policy.AddOrgs(EndorsementRole.Peer, "ExchangeMSP", "BankAMSP");
        policy.AddOrgs(EndorsementRole.Admin, "AuditorMSP");

        // Act
        var envelope = SignaturePolicyEnvelope.Parser.ParseFrom(policy.GetPolicy());

        // Assert
        Assert.That(envelope.Version, Is.Zero);
        Assert.That(envelope.Identities, Has.Count.EqualTo(3));
        Assert.That(Role(envelope, 0), Is.EqualTo(new MSPRole { MspIdentifier = "AuditorMSP", Role = RoleType.Admin }));
        Assert.That(Role(envelope, 1), Is.EqualTo(new MSPRole { MspIdentifier = "BankAMSP", Role = RoleType.Peer }));
        Assert.That(Role(envelope, 2), Is.EqualTo(new MSPRole { MspIdentifier = "ExchangeMSP", Role = RoleType.Peer }));
        Assert.That(envelope.Rule.TypeCase, Is.EqualTo(SignaturePolicy.TypeOneofCase.NOutOf));
        Assert.That(envelope.Rule.NOutOf.N, Is.EqualTo(3));
        Assert.That(envelope.Rule.NOutOf.Rules.Select(r => r.SignedBy), Is.EqualTo(new[] { 0, 1, 2 }));
    }

    [Test]
    public void GetPolicy_SameOrgsAddedInAnyOrder_GivesTheSameBytes()
    {
        // Arrange
        var first = new KeyEndorsementPolicy();
        first.AddOrgs(EndorsementRole.Member, "B", "A", "C");
        var second = new KeyEndorsementPolicy();
        second.AddOrgs(EndorsementRole.Member, "C");
        second.AddOrgs(EndorsementRole.Member, "A", "B");

        // Act & Assert
        Assert.That(first.GetPolicy(), Is.EqualTo(second.GetPolicy()));
        Assert.That(first.GetPolicy(), Is.EqualTo(AllOf(RolePrincipal("A", RoleType.Member), RolePrincipal("B", RoleType.Member), RolePrincipal("C", RoleType.Member)).ToByteArray()));
    }

    [Test]
    public void GetPolicy_SignedByZero_IsEncodedAsTheGoShimEncodesIt()
    {
        // Arrange: one org; the oneof "signed_by = 0" must still be on the wire.
        var policy = new KeyEndorsementPolicy();
        policy.AddOrgs(EndorsementRole.Member, "A");

        // Act
        var bytes = policy.GetPolicy();

        // Assert: rule { n_out_of { n: 1, rules { signed_by: 0 } } }, identities { principal: MSPRole{ "A" } }
        var expected = Convert.FromHexString("120812060801120208001a0512030a0141");
        Assert.That(bytes, Is.EqualTo(expected));
    }

    [Test]
    public void Constructor_PolicyBytes_RoundTripsOrgsAndRoles()
    {
        // Arrange
        var original = new KeyEndorsementPolicy();
        original.AddOrgs(EndorsementRole.Peer, "BankAMSP");
        original.AddOrgs(EndorsementRole.Client, "ExchangeMSP");

        // Act
        var copy = new KeyEndorsementPolicy(original.GetPolicy());

        // Assert
        Assert.That(copy.ListOrgs(), Is.EqualTo(new[] { "BankAMSP", "ExchangeMSP" }));
        Assert.That(copy.GetRole("BankAMSP"), Is.EqualTo(EndorsementRole.Peer));
        Assert.That(copy.GetRole("ExchangeMSP"), Is.EqualTo(EndorsementRole.Client));
        Assert.That(copy.GetPolicy(), Is.EqualTo(original.GetPolicy()));
    }

    [Test]
    public void Constructor_EmptyBytes_GivesAnEmptyPolicy()
    {
        // Act
        var policy = new KeyEndorsementPolicy(ReadOnlySpan<byte>.Empty);

        // Assert
        Assert.That(policy.ListOrgs(), Is.Empty);
    }

    [Test]
    public void DeleteOrgs_ListedAndUnknown_RemovesListedIgnoresUnknown()
    {
        // Arrange
        var policy = new KeyEndorsementPolicy();
        policy.AddOrgs(EndorsementRole.Peer, "A", "B", "C");

        // Act
        policy.DeleteOrgs("B", "Z");

        // Assert
        Assert.That(policy.ListOrgs(), Is.EqualTo(new[] { "A", "C" }));
        Assert.That(policy.GetRole("B"), Is.Null);
    }

    [Test]
    public void AddOrgs_OrgAlreadyListed_TakesTheNewRole()
    {
        // Arrange
        var policy = new KeyEndorsementPolicy();
        policy.AddOrgs(EndorsementRole.Member, "A");

        // Act
        policy.AddOrgs(EndorsementRole.Peer, "A");

        // Assert
        Assert.That(policy.ListOrgs(), Is.EqualTo(new[] { "A" }));
        Assert.That(policy.GetRole("A"), Is.EqualTo(EndorsementRole.Peer));
    }

    [Test]
    public void AddOrgs_UndefinedRole_ThrowsArgumentOutOfRangeException()
    {
        // Act & Assert
        Assert.That(() => new KeyEndorsementPolicy().AddOrgs((EndorsementRole)42, "A"), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void AddOrgs_EmptyMspId_ThrowsArgumentException()
    {
        // Act & Assert
        Assert.That(() => new KeyEndorsementPolicy().AddOrgs(EndorsementRole.Peer, "A", string.Empty), Throws.ArgumentException);
    }

    private static IEnumerable<TestCaseData> UnsupportedPolicies()
    {
        yield return new TestCaseData(new byte[] { 0xFF, 0xFF }, "SignaturePolicyEnvelope").SetArgDisplayNames("NotProtobuf");

        var oneOfTwo = AllOf(RolePrincipal("A", RoleType.Member), RolePrincipal("B", RoleType.Member));
        oneOfTwo.Rule.NOutOf.N = 1;
        yield return new TestCaseData(oneOfTwo.ToByteArray(), "rule").SetArgDisplayNames("OneOutOfTwo");

        var ouPrincipal = AllOf(new MSPPrincipal
        {
            PrincipalClassification = MSPPrincipal.Types.Classification.OrganizationUnit,
            Principal = new OrganizationUnit { MspIdentifier = "A", OrganizationalUnitIdentifier = "x" }.ToByteString(),
        });
        yield return new TestCaseData(ouPrincipal.ToByteArray(), "ROLE principals").SetArgDisplayNames("OuPrincipal");

        yield return new TestCaseData(AllOf(RolePrincipal("A", RoleType.Orderer)).ToByteArray(), "Orderer").SetArgDisplayNames("OrdererRole");
        yield return new TestCaseData(AllOf(RolePrincipal("A", RoleType.Member), RolePrincipal("A", RoleType.Peer)).ToByteArray(), "second time").SetArgDisplayNames("OrgTwice");

        var reused = AllOf(RolePrincipal("A", RoleType.Member), RolePrincipal("B", RoleType.Member));
        reused.Rule.NOutOf.Rules[1].SignedBy = 0;
        yield return new TestCaseData(reused.ToByteArray(), "rule").SetArgDisplayNames("SameSignerTwice");
    }

    [TestCaseSource(nameof(UnsupportedPolicies))]
    public void Constructor_PolicyOfAnotherShape_ThrowsArgumentExceptionRatherThanChangingIt(byte[] policy, string message)
    {
        // Act & Assert
        Assert.That(() => new KeyEndorsementPolicy(policy), Throws.ArgumentException.With.Message.Contains(message));
    }
}
