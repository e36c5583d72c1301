using Google.Protobuf.Reflection;
using Grpc.Core;
using Hyperledger.Fabric.Protos.Gateway;
using Hyperledger.Fabric.Protos.Orderer;
using Hyperledger.Fabric.Protos.Peer;

namespace Hyperledger.Fabric.Protos.Tests;

/// <summary>Checks the gRPC service and method paths that go on the wire.</summary>
public sealed class ServiceDefinitionTests
{
    private static IEnumerable<TestCaseData> Services()
    {
        yield return new TestCaseData(ChaincodeShimReflection.Descriptor, "protos.ChaincodeSupport");
        yield return new TestCaseData(ChaincodeShimReflection.Descriptor, "protos.Chaincode");
        yield return new TestCaseData(PeerReflection.Descriptor, "protos.Endorser");
        yield return new TestCaseData(EventsReflection.Descriptor, "protos.Deliver");
        yield return new TestCaseData(GatewayReflection.Descriptor, "gateway.Gateway");
        yield return new TestCaseData(AbReflection.Descriptor, "orderer.AtomicBroadcast");
    }

    [TestCaseSource(nameof(Services))]
    public void FileDescriptor_Services_ContainFabricServiceFullName(FileDescriptor file, string serviceFullName)
    {
        Assert.That(file.Services.Select(s => s.FullName), Does.Contain(serviceFullName));
    }

    [Test]
    public void ChaincodeSupportBindService_RegistersDuplexRegisterMethod()
    {
        var binder = new RecordingBinder();

        ChaincodeSupport.BindService(binder, new ChaincodeSupportService());

        Assert.That(binder.Methods, Is.EqualTo(new[] { ("/protos.ChaincodeSupport/Register", MethodType.DuplexStreaming) }));
    }

    [Test]
    public void ChaincodeBindService_RegistersDuplexConnectMethod()
    {
        var binder = new RecordingBinder();

        Chaincode.BindService(binder, new ChaincodeService());

        Assert.That(binder.Methods, Is.EqualTo(new[] { ("/protos.Chaincode/Connect", MethodType.DuplexStreaming) }));
    }

    [Test]
    public void GatewayBindService_RegistersAllFiveMethodsWithFabricStreamingKinds()
    {
        var binder = new RecordingBinder();

        Gateway.Gateway.BindService(binder, new GatewayService());

        Assert.That(binder.Methods, Is.EquivalentTo(new[]
        {
            ("/gateway.Gateway/Endorse", MethodType.Unary),
            ("/gateway.Gateway/Submit", MethodType.Unary),
            ("/gateway.Gateway/CommitStatus", MethodType.Unary),
            ("/gateway.Gateway/Evaluate", MethodType.Unary),
            ("/gateway.Gateway/ChaincodeEvents", MethodType.ServerStreaming),
        }));
    }

    [Test]
    public void DeliverBindService_RegistersThreeDuplexMethods()
    {
        var binder = new RecordingBinder();

        Deliver.BindService(binder, new DeliverService());

        Assert.That(binder.Methods, Is.EquivalentTo(new[]
        {
            ("/protos.Deliver/Deliver", MethodType.DuplexStreaming),
            ("/protos.Deliver/DeliverFiltered", MethodType.DuplexStreaming),
            ("/protos.Deliver/DeliverWithPrivateData", MethodType.DuplexStreaming),
        }));
    }

    [Test]
    public void AtomicBroadcastBindService_RegistersBroadcastAndDeliver()
    {
        var binder = new RecordingBinder();

        AtomicBroadcast.BindService(binder, new AtomicBroadcastService());

        Assert.That(binder.Methods, Is.EquivalentTo(new[]
        {
            ("/orderer.AtomicBroadcast/Broadcast", MethodType.DuplexStreaming),
            ("/orderer.AtomicBroadcast/Deliver", MethodType.DuplexStreaming),
        }));
    }

    [Test]
    public void EndorserBindService_RegistersUnaryProcessProposal()
    {
        var binder = new RecordingBinder();

        Endorser.BindService(binder, new EndorserService());

        Assert.That(binder.Methods, Is.EqualTo(new[] { ("/protos.Endorser/ProcessProposal", MethodType.Unary) }));
    }

    private sealed class ChaincodeSupportService : ChaincodeSupport.ChaincodeSupportBase;

    private sealed class ChaincodeService : Chaincode.ChaincodeBase;

    private sealed class GatewayService : Gateway.Gateway.GatewayBase;

    private sealed class DeliverService : Deliver.DeliverBase;

    private sealed class AtomicBroadcastService : AtomicBroadcast.AtomicBroadcastBase;

    private sealed class EndorserService : Endorser.EndorserBase;

    /// <summary>Records the full name and kind of every method a service registers.</summary>
    private sealed class RecordingBinder : ServiceBinderBase
    {
        public List<(string FullName, MethodType Type)> Methods { get; } = [];

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler)
            => Methods.Add((method.FullName, method.Type));

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler)
            => Methods.Add((method.FullName, method.Type));

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler)
            => Methods.Add((method.FullName, method.Type));

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler)
            => Methods.Add((method.FullName, method.Type));
    }
}
