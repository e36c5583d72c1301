using Google.Protobuf.Reflection;
using Hyperledger.Fabric.Protos.Common;
using Hyperledger.Fabric.Protos.Gateway;
using Hyperledger.Fabric.Protos.Ledger.QueryResult;
using Hyperledger.Fabric.Protos.Ledger.Rwset;
using Hyperledger.Fabric.Protos.Ledger.Rwset.Kvrwset;
using Hyperledger.Fabric.Protos.Msp;
using Hyperledger.Fabric.Protos.Orderer;
using Hyperledger.Fabric.Protos.Peer;
using Hyperledger.Fabric.Protos.Peer.Lifecycle;

namespace Hyperledger.Fabric.Protos.Tests;

/// <summary>Checks the wire-visible names and numbers through the generated descriptors.</summary>
public sealed class DescriptorTests
{
    private static IEnumerable<TestCaseData> MessagePackages()
    {
        yield return new TestCaseData(Envelope.Descriptor, "common", "common.Envelope");
        yield return new TestCaseData(ConfigGroup.Descriptor, "common", "common.ConfigGroup");
        yield return new TestCaseData(MSPPrincipal.Descriptor, "common", "common.MSPPrincipal");
        yield return new TestCaseData(SerializedIdentity.Descriptor, "msp", "msp.SerializedIdentity");
        yield return new TestCaseData(ChaincodeMessage.Descriptor, "protos", "protos.ChaincodeMessage");
        yield return new TestCaseData(ProposalResponse.Descriptor, "protos", "protos.ProposalResponse");
        yield return new TestCaseData(EndorseRequest.Descriptor, "gateway", "gateway.EndorseRequest");
        yield return new TestCaseData(SeekInfo.Descriptor, "orderer", "orderer.SeekInfo");
        yield return new TestCaseData(TxReadWriteSet.Descriptor, "rwset", "rwset.TxReadWriteSet");
        yield return new TestCaseData(KVRWSet.Descriptor, "kvrwset", "kvrwset.KVRWSet");
        yield return new TestCaseData(KV.Descriptor, "queryresult", "queryresult.KV");
        yield return new TestCaseData(InstallChaincodeArgs.Descriptor, "lifecycle", "lifecycle.InstallChaincodeArgs");
    }

    [TestCaseSource(nameof(MessagePackages))]
    public void MessageDescriptor_FullName_UsesFabricProtoPackage(MessageDescriptor descriptor, string package, string fullName)
    {
        Assert.Multiple(() =>
        {
            Assert.That(descriptor.File.Package, Is.EqualTo(package));
            Assert.That(descriptor.FullName, Is.EqualTo(fullName));
        });
    }

    [TestCase("type", 1)]
    [TestCase("timestamp", 2)]
    [TestCase("payload", 3)]
    [TestCase("txid", 4)]
    [TestCase("proposal", 5)]
    [TestCase("chaincode_event", 6)]
    [TestCase("channel_id", 7)]
    public void ChaincodeMessageField_Number_MatchesFabric(string fieldName, int expectedNumber)
    {
        var field = ChaincodeMessage.Descriptor.FindFieldByName(fieldName);

        Assert.That(field, Is.Not.Null);
        Assert.That(field.FieldNumber, Is.EqualTo(expectedNumber));
    }

    [Test]
    public void ChaincodeMessageType_Values_MatchFabricNumbering()
    {
        var values = ChaincodeMessage.Descriptor.EnumTypes.Single(e => e.Name == "Type").Values
            .ToDictionary(v => v.Name, v => v.Number);

        Assert.Multiple(() =>
        {
            Assert.That(values, Has.Count.EqualTo(25));
            Assert.That(values, Does.Not.ContainValue(12));
            Assert.That(values["REGISTER"], Is.EqualTo(1));
            Assert.That(values["COMPLETED"], Is.EqualTo(6));
            Assert.That(values["GET_STATE"], Is.EqualTo(8));
            Assert.That(values["INVOKE_CHAINCODE"], Is.EqualTo(11));
            Assert.That(values["RESPONSE"], Is.EqualTo(13));
            Assert.That(values["KEEPALIVE"], Is.EqualTo(18));
            Assert.That(values["GET_PRIVATE_DATA_HASH"], Is.EqualTo(22));
            Assert.That(values["PURGE_PRIVATE_DATA"], Is.EqualTo(23));
            Assert.That(values["GET_STATE_MULTIPLE"], Is.EqualTo(25));
        });
    }

    [Test]
    public void TxValidationCode_TerminalValues_MatchFabric()
    {
        Assert.Multiple(() =>
        {
            Assert.That((int)TxValidationCode.Valid, Is.EqualTo(0));
            Assert.That((int)TxValidationCode.EndorsementPolicyFailure, Is.EqualTo(10));
            Assert.That((int)TxValidationCode.MvccReadConflict, Is.EqualTo(11));
            Assert.That((int)TxValidationCode.InvalidChaincode, Is.EqualTo(25));
            Assert.That((int)TxValidationCode.NotValidated, Is.EqualTo(254));
            Assert.That((int)TxValidationCode.InvalidOtherReason, Is.EqualTo(255));
        });
    }

    [Test]
    public void ProposalResponse_FieldNumbers_SkipThreeLikeFabric()
    {
        var numbers = ProposalResponse.Descriptor.Fields.InFieldNumberOrder()
            .ToDictionary(f => f.Name, f => f.FieldNumber);

        Assert.That(numbers, Is.EqualTo(new Dictionary<string, int>
        {
            ["version"] = 1,
            ["timestamp"] = 2,
            ["response"] = 4,
            ["payload"] = 5,
            ["endorsement"] = 6,
            ["interest"] = 7,
        }));
    }

    [Test]
    public void FilteredTransaction_TransactionActions_IsFieldFourInsideDataOneof()
    {
        var field = FilteredTransaction.Descriptor.FindFieldByName("transaction_actions");

        Assert.Multiple(() =>
        {
            Assert.That(field.FieldNumber, Is.EqualTo(4));
            Assert.That(field.ContainingOneof?.Name, Is.EqualTo("Data"));
            Assert.That(FilteredBlock.Descriptor.FindFieldByName("filtered_transactions").FieldNumber, Is.EqualTo(4));
        });
    }

    [Test]
    public void SignaturePolicy_TypeOneof_HoldsSignedByAndNOutOf()
    {
        var oneof = SignaturePolicy.Descriptor.Oneofs.Single();

        Assert.Multiple(() =>
        {
            Assert.That(oneof.Name, Is.EqualTo("Type"));
            Assert.That(oneof.Fields.Select(f => (f.Name, f.FieldNumber)),
                Is.EqualTo(new[] { ("signed_by", 1), ("n_out_of", 2) }));
        });
    }
}
