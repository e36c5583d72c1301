using System.Security.Cryptography;
using FabricFinance.Client.Ledger;
using Google.Protobuf;
using Hyperledger.Fabric.Protos.Common;

namespace FabricFinance.Client.Tests.Ledger;

/// <summary>
/// The block header hash: the DER encoding of (number, previous hash, data hash) and its SHA-256. The expected hashes
/// were produced independently with Go's encoding/asn1 over the same three fields (a big.Int and two byte slices), as
/// Fabric's peers encode them; the integration suite checks the same on a real channel's chain.
/// </summary>
public class LedgerBlockHeaderHashTests
{
    private static readonly byte[] Ascending = [.. Enumerable.Range(0, 32).Select(i => (byte)i)];
    private static readonly byte[] Descending = [.. Enumerable.Range(0, 32).Select(i => (byte)(255 - i))];

    [TestCase(0UL, "020100")]
    [TestCase(1UL, "020101")]
    [TestCase(127UL, "02017f")]
    [TestCase(128UL, "02020080", TestName = "EncodeHeader_Number128_GetsALeadingZeroByte")]
    [TestCase(255UL, "020200ff")]
    [TestCase(256UL, "02020100")]
    [TestCase(32767UL, "02027fff")]
    [TestCase(32768UL, "0203008000")]
    [TestCase(9223372036854775807UL, "02087fffffffffffffff")]
    [TestCase(9223372036854775808UL, "0209008000000000000000", TestName = "EncodeHeader_TopBitOfUInt64Set_GetsALeadingZeroByte")]
    [TestCase(ulong.MaxValue, "020900ffffffffffffffff")]
    public void EncodeHeader_Number_IsTheMinimalNonNegativeInteger(ulong number, string integerHex)
    {
        // Arrange
        var header = new BlockHeader { Number = number };
        var integer = Convert.FromHexString(integerHex);

        // Act
        var encoded = LedgerBlock.EncodeHeader(header);

        // Assert
        byte[] expected = [0x30, (byte)(integer.Length + 4), .. integer, 0x04, 0x00, 0x04, 0x00];
        Assert.That(encoded, Is.EqualTo(expected));
    }

    [Test]
    public void EncodeHeader_UnsetAndEmptyHashes_AreEmptyOctetStrings()
    {
        // Arrange
        var unset = new BlockHeader();
        var empty = new BlockHeader { Number = 0, PreviousHash = ByteString.Empty, DataHash = ByteString.Empty };

        // Act
        var unsetEncoded = LedgerBlock.EncodeHeader(unset);
        var emptyEncoded = LedgerBlock.EncodeHeader(empty);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(Convert.ToHexStringLower(unsetEncoded), Is.EqualTo("300702010004000400"));
            Assert.That(emptyEncoded, Is.EqualTo(unsetEncoded));
        });
    }

    [Test]
    public void EncodeHeader_Sha256Hashes_AreOctetStringsInOrderNumberPreviousData()
    {
        // Arrange
        var header = Header(1, Ascending, Descending);

        // Act
        var encoded = LedgerBlock.EncodeHeader(header);

        // Assert
        byte[] expected = [0x30, 0x47, 0x02, 0x01, 0x01, 0x04, 0x20, .. Ascending, 0x04, 0x20, .. Descending];
        Assert.That(encoded, Is.EqualTo(expected));
    }

    [Test]
    public void EncodeHeader_HashLongerThan127Bytes_UsesTheLongLengthForm()
    {
        // Arrange
        var long200 = Enumerable.Repeat((byte)0xab, 200).ToArray();
        var header = Header(2, long200, []);

        // Act
        var encoded = LedgerBlock.EncodeHeader(header);

        // Assert: 3 (integer) + 3 + 200 (octet string, length 0x81 0xc8) + 2 (empty octet string) = 208 = 0xd0
        byte[] expected = [0x30, 0x81, 0xd0, 0x02, 0x01, 0x02, 0x04, 0x81, 0xc8, .. long200, 0x04, 0x00];
        Assert.That(encoded, Is.EqualTo(expected));
    }

    [TestCase(0UL, false, "1d1c288c6851505be0b47a0f8e7dfb91ab2abe6ad71cef63a3791d14588d1d0e")]
    [TestCase(1UL, true, "272c67263e1f04c8d72d35f5500776bc08cfc3ccfc97507dc728c3c46995299f")]
    [TestCase(128UL, true, "62b68a85ab2b05ce94c3bca9b39ca2be9503c6187907c65c9073c7fb72514010")]
    [TestCase(ulong.MaxValue, true, "ee26eb1d8651d85d27ae3678557da6cd7a86000ab12f536b61b54ed592533e1e")]
    public void ComputeHeaderHash_Header_MatchesTheHashGoComputesForFabric(ulong number, bool withHashes, string expectedHex)
    {
        // Arrange
        var header = withHashes ? Header(number, Ascending, Descending) : new BlockHeader { Number = number };

        // Act
        var hash = LedgerBlock.ComputeHeaderHash(header);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(Convert.ToHexStringLower(hash), Is.EqualTo(expectedHex));
            Assert.That(hash, Is.EqualTo(SHA256.HashData(LedgerBlock.EncodeHeader(header))));
        });
    }

    [Test]
    public void ComputeHeaderHash_NullHeader_ThrowsNamingTheHeader()
    {
        // Act & Assert
        Assert.That(
            () => LedgerBlock.ComputeHeaderHash(null!),
            Throws.ArgumentNullException.With.Property(nameof(ArgumentException.ParamName)).EqualTo("header"));
    }

    [Test]
    public void Decode_Block_HeaderHashIsTheHashOfItsHeader()
    {
        // Arrange
        var block = TestBlocks.Block(7, "tx-a");

        // Act
        var decoded = LedgerBlock.Decode(block);

        // Assert
        Assert.That(
            Convert.ToHexStringLower(decoded.HeaderHash.Span),
            Is.EqualTo("01c1f3a5fbd4c37a48ca0c9a5b2c11aa12967f2cd7b82d96b6029a02c735e274"),
            "number 7, previous hash 010203, data hash 040506");
    }

    [Test]
    public void Decode_NextBlock_ItsPreviousHashEqualsTheHeaderHashOfTheBlockBefore()
    {
        // Arrange
        var first = LedgerBlock.Decode(TestBlocks.Block(7, "tx-a"));
        var next = TestBlocks.Block(8, "tx-b");
        next.Header.PreviousHash = ByteString.CopyFrom(first.HeaderHash.Span);

        // Act
        var decoded = LedgerBlock.Decode(next);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(decoded.PreviousHash.ToArray(), Is.EqualTo(first.HeaderHash.ToArray()));
            Assert.That(decoded.HeaderHash.ToArray(), Is.Not.EqualTo(first.HeaderHash.ToArray()));
        });
    }

    private static BlockHeader Header(ulong number, byte[] previousHash, byte[] dataHash) => new()
    {
        Number = number,
        PreviousHash = ByteString.CopyFrom(previousHash),
        DataHash = ByteString.CopyFrom(dataHash),
    };
}
