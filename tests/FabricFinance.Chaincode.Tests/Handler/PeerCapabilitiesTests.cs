using FabricFinance.Chaincode.Handler;
using Google.Protobuf;
using Hyperledger.Fabric.Protos.Peer;

namespace FabricFinance.Chaincode.Tests.Handler;

[TestFixture]
public sealed class PeerCapabilitiesTests
{
    [Test]
    public void FromReadyPayload_Empty_OffersNothing()
    {
        // Act: Fabric 2.5 sends READY without a payload.
        var capabilities = PeerCapabilities.FromReadyPayload(ByteString.Empty);

        // Assert
        Assert.That(capabilities, Is.EqualTo(PeerCapabilities.None));
    }

    [TestCase(true, 1000u, true, 500u, true, 1000, true, 500, TestName = "FromReadyPayload_BothOfferedWithLimits_UsesTheLimits")]
    [TestCase(true, 10u, true, 7u, true, 10, true, 7, TestName = "FromReadyPayload_LimitsBelowGoDefault_AreHonoured")]
    [TestCase(true, 0u, true, 0u, true, 100, true, 100, TestName = "FromReadyPayload_OfferedWithoutLimit_UsesDefault100")]
    [TestCase(false, 1000u, false, 1000u, false, 0, false, 0, TestName = "FromReadyPayload_LimitsWithoutOffer_AreIgnored")]
    [TestCase(true, uint.MaxValue, false, 0u, true, int.MaxValue, false, 0, TestName = "FromReadyPayload_HugeLimit_IsCappedToInt")]
    public void FromReadyPayload_Offer_GivesCapabilities(bool useBatch, uint maxBatch, bool useMultiple, uint maxMultiple, bool expectBatch, int expectMaxBatch, bool expectMultiple, int expectMaxMultiple)
    {
        // Arrange
        var payload = new ChaincodeAdditionalParams
        {
            UseWriteBatch = useBatch,
            MaxSizeWriteBatch = maxBatch,
            UseGetMultipleKeys = useMultiple,
            MaxSizeGetMultipleKeys = maxMultiple,
        }.ToByteString();

        // Act
        var capabilities = PeerCapabilities.FromReadyPayload(payload);

        // Assert
        Assert.That(capabilities, Is.EqualTo(new PeerCapabilities(expectBatch, expectMaxBatch, expectMultiple, expectMaxMultiple)));
    }

    [Test]
    public void FromReadyPayload_Garbage_ThrowsInvalidProtocolBufferException()
    {
        // Act & Assert
        Assert.That(() => PeerCapabilities.FromReadyPayload(ByteString.CopyFrom(0xFF, 0xFF)), Throws.TypeOf<InvalidProtocolBufferException>());
    }
}
