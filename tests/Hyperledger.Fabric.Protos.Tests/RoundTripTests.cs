using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Hyperledger.Fabric.Protos.Common;
using Hyperledger.Fabric.Protos.Peer;

namespace Hyperledger.Fabric.Protos.Tests;

/// <summary>Serialization round trips of the most used messages.</summary>
public sealed class RoundTripTests
{
    [Test]
    public void ChaincodeMessage_SerializeThenParse_PreservesAllFields()
    {
        var original = new ChaincodeMessage
        {
            Type = ChaincodeMessage.Types.Type.Transaction,
            Timestamp = Timestamp.FromDateTimeOffset(new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero)),
            Payload = new PutState { Key = "asset1", Value = ByteString.CopyFromUtf8("{}"), Collection = "pdc" }.ToByteString(),
            Txid = "tx-123",
            ChannelId = "mychannel",
            Proposal = new SignedProposal
            {
                ProposalBytes = ByteString.CopyFrom(1, 2, 3),
                Signature = ByteString.CopyFrom(4, 5),
            },
            ChaincodeEvent = new ChaincodeEvent { ChaincodeId = "basic", TxId = "tx-123", EventName = "Created" },
        };

        var parsed = ChaincodeMessage.Parser.ParseFrom(original.ToByteArray());

        Assert.That(parsed, Is.EqualTo(original));
        Assert.That(PutState.Parser.ParseFrom(parsed.Payload).Collection, Is.EqualTo("pdc"));
    }

    [Test]
    public void Config_WithNestedGroupsValuesAndPolicies_RoundTrips()
    {
        var application = new ConfigGroup { Version = 2, ModPolicy = "Admins" };
        application.Values.Add("Capabilities", new ConfigValue
        {
            Value = new Capabilities { Capabilities_ = { ["V2_5"] = new Capability() } }.ToByteString(),
        });
        application.Policies.Add("Writers", new ConfigPolicy
        {
            Policy = new Policy
            {
                Type = (int)Policy.Types.PolicyType.ImplicitMeta,
                Value = new ImplicitMetaPolicy { SubPolicy = "Writers", Rule = ImplicitMetaPolicy.Types.Rule.Any }.ToByteString(),
            },
        });
        var config = new Config { Sequence = 7, ChannelGroup = new ConfigGroup { Groups = { ["Application"] = application } } };
        var envelope = new ConfigEnvelope { Config = config };

        var parsed = ConfigEnvelope.Parser.ParseFrom(envelope.ToByteString());

        Assert.That(parsed, Is.EqualTo(envelope));
        var capabilities = Capabilities.Parser.ParseFrom(parsed.Config.ChannelGroup.Groups["Application"].Values["Capabilities"].Value);
        Assert.That(capabilities.Capabilities_, Has.Count.EqualTo(1).And.ContainKey("V2_5"));
    }

    [Test]
    public void DeliverResponse_WithFilteredBlock_ReportsMatchingOneofCase()
    {
        var response = new DeliverResponse
        {
            FilteredBlock = new FilteredBlock
            {
                ChannelId = "mychannel",
                Number = 5,
                FilteredTransactions =
                {
                    new FilteredTransaction
                    {
                        Txid = "tx",
                        Type = HeaderType.EndorserTransaction,
                        TxValidationCode = TxValidationCode.MvccReadConflict,
                    },
                },
            },
        };

        var parsed = DeliverResponse.Parser.ParseFrom(response.ToByteArray());

        Assert.That(parsed.TypeCase, Is.EqualTo(DeliverResponse.TypeOneofCase.FilteredBlock));
        Assert.That(parsed.FilteredBlock.FilteredTransactions[0].TxValidationCode, Is.EqualTo(TxValidationCode.MvccReadConflict));
    }
}
