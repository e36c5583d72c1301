using Google.Protobuf;
using Hyperledger.Fabric.Protos.Common;
using Hyperledger.Fabric.Protos.Gateway;
using Hyperledger.Fabric.Protos.Peer;

namespace Hyperledger.Fabric.Protos.Tests;

/// <summary>
/// Byte-level checks: hand-encoded protobuf bytes laid out with Fabric's field numbers
/// must decode into the expected fields, and encoding must produce the same layout.
/// </summary>
public sealed class WireFormatTests
{
    [Test]
    public void ChaincodeMessage_ParseHandEncodedBytes_DecodesTypeTxidAndChannel()
    {
        byte[] wire =
        [
            0x08, 0x08,                   // field 1 (type), varint 8 = GET_STATE
            0x22, 0x03, (byte)'t', (byte)'x', (byte)'1', // field 4 (txid), length-delimited
            0x3A, 0x02, (byte)'c', (byte)'h', // field 7 (channel_id), length-delimited
        ];

        var message = ChaincodeMessage.Parser.ParseFrom(wire);

        Assert.Multiple(() =>
        {
            Assert.That(message.Type, Is.EqualTo(ChaincodeMessage.Types.Type.GetState));
            Assert.That(message.Txid, Is.EqualTo("tx1"));
            Assert.That(message.ChannelId, Is.EqualTo("ch"));
        });
    }

    [Test]
    public void ChannelHeader_Serialize_UsesFabricFieldNumbers()
    {
        var header = new ChannelHeader { Type = (int)HeaderType.EndorserTransaction, TxId = "a" };

        byte[] wire = header.ToByteArray();

        // field 1 varint 3, then field 5 length-delimited "a"
        Assert.That(wire, Is.EqualTo(new byte[] { 0x08, 0x03, 0x2A, 0x01, (byte)'a' }));
    }

    [Test]
    public void CommitStatusResponse_ParseHandEncodedBytes_DecodesValidationCodeAndBlock()
    {
        byte[] wire = [0x08, 0x0B, 0x10, 0x2A]; // result = 11 (MVCC_READ_CONFLICT), block_number = 42

        var response = CommitStatusResponse.Parser.ParseFrom(wire);

        Assert.Multiple(() =>
        {
            Assert.That(response.Result, Is.EqualTo(TxValidationCode.MvccReadConflict));
            Assert.That(response.BlockNumber, Is.EqualTo(42UL));
        });
    }

    [Test]
    public void ProposalResponse_ParseHandEncodedBytes_DecodesResponseFromFieldFour()
    {
        // field 4 (response) = Response { status(1) = 200 }
        byte[] wire = [0x22, 0x03, 0x08, 0xC8, 0x01];

        var response = ProposalResponse.Parser.ParseFrom(wire);

        Assert.That(response.Response.Status, Is.EqualTo(200));
    }
}
