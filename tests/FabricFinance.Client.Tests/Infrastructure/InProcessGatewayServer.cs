using System.Net;
using Grpc.Core;
using Hyperledger.Fabric.Protos.Gateway;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using GatewayService = Hyperledger.Fabric.Protos.Gateway.Gateway;

namespace FabricFinance.Client.Tests.Infrastructure;

/// <summary>
/// A Gateway service on 127.0.0.1 over HTTP/2 with TLS, answering from scripted handlers: it exercises the real
/// Grpc.Net.Client transport (TLS validation, trailers, deadlines, cancellation) that the fake invoker cannot.
/// </summary>
internal sealed class InProcessGatewayServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private InProcessGatewayServer(WebApplication app, ScriptedGatewayService service, string address)
    {
        _app = app;
        Service = service;
        Address = address;
    }

    public ScriptedGatewayService Service { get; }

    /// <summary>Gets the server's address, for example <c>https://127.0.0.1:43123</c>.</summary>
    public string Address { get; }

    public static async Task<InProcessGatewayServer> StartAsync(TestCertificates certificates)
    {
        var service = new ScriptedGatewayService();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            listen.Protocols = HttpProtocols.Http2;
            listen.UseHttps(certificates.Peer);
        }));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(service);
        var app = builder.Build();
        app.MapGrpcService<ScriptedGatewayService>();
        await app.StartAsync().DefaultTimeout();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new InProcessGatewayServer(app, service, address);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().DefaultTimeout();
        await _app.DisposeAsync();
    }

    /// <summary>The Gateway service, answering from the handler each test sets.</summary>
    internal sealed class ScriptedGatewayService : GatewayService.GatewayBase
    {
        private int _calls;

        public ScriptedGatewayService() => Reset();

        /// <summary>Gets the number of calls the service received since the last <see cref="Reset"/>.</summary>
        public int Calls => Volatile.Read(ref _calls);

        public Func<EvaluateRequest, ServerCallContext, Task<EvaluateResponse>> OnEvaluate { get; set; } = null!;

        public Func<EndorseRequest, ServerCallContext, Task<EndorseResponse>> OnEndorse { get; set; } = null!;

        public Func<SignedCommitStatusRequest, ServerCallContext, Task<CommitStatusResponse>> OnCommitStatus { get; set; } = null!;

        public Func<SignedChaincodeEventsRequest, IServerStreamWriter<ChaincodeEventsResponse>, ServerCallContext, Task> OnChaincodeEvents { get; set; } = null!;

        /// <summary>Restores the behaviour of a healthy peer: every call succeeds with result "ok".</summary>
        public void Reset()
        {
            OnEvaluate = (_, _) => Task.FromResult(FabricResponses.Evaluated("ok"u8.ToArray()));
            OnEndorse = (request, _) => Task.FromResult(FabricResponses.Endorsed(request, "ok"u8.ToArray()));
            OnCommitStatus = (_, _) => Task.FromResult(FabricResponses.Committed(Hyperledger.Fabric.Protos.Peer.TxValidationCode.Valid, 1));
            OnChaincodeEvents = (_, _, _) => Task.CompletedTask;
            Volatile.Write(ref _calls, 0);
        }

        public override Task<EvaluateResponse> Evaluate(EvaluateRequest request, ServerCallContext context)
        {
            Interlocked.Increment(ref _calls);
            return OnEvaluate(request, context);
        }

        public override Task<EndorseResponse> Endorse(EndorseRequest request, ServerCallContext context)
        {
            Interlocked.Increment(ref _calls);
            return OnEndorse(request, context);
        }

        public override Task<SubmitResponse> Submit(SubmitRequest request, ServerCallContext context)
        {
            Interlocked.Increment(ref _calls);
            return Task.FromResult(new SubmitResponse());
        }

        public override Task<CommitStatusResponse> CommitStatus(SignedCommitStatusRequest request, ServerCallContext context)
        {
            Interlocked.Increment(ref _calls);
            return OnCommitStatus(request, context);
        }

        public override Task ChaincodeEvents(
            SignedChaincodeEventsRequest request,
            IServerStreamWriter<ChaincodeEventsResponse> responseStream,
            ServerCallContext context)
        {
            Interlocked.Increment(ref _calls);
            return OnChaincodeEvents(request, responseStream, context);
        }
    }
}
