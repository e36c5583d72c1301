using FabricFinance.Chaincode.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FabricFinance.Chaincode.Hosting;

/// <summary>
/// Resolves the chaincode when the host starts, so a missing registration or a contract that
/// cannot be served stops startup instead of failing the first peer connection.
/// </summary>
internal sealed partial class ChaincodeStartupCheck(IServiceProvider services, ChaincodeServerOptions options, ILogger<ChaincodeStartupCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var chaincode = services.GetService<IChaincode>() ?? throw new InvalidOperationException(
            "No chaincode is registered: use AddChaincodeServer<TChaincode>() for an IChaincode, or services.AddContracts().AddContract<TContract>() before AddChaincodeServer().");
        if (chaincode is ContractRouter router)
        {
            var contracts = string.Join(", ", router.ContractNames); // once, at startup
            LogContracts(options.ChaincodeId, contracts, router.DefaultContractName ?? "none");
        }
        else
        {
            LogChaincode(options.ChaincodeId, chaincode.GetType());
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Chaincode {ChaincodeId} serves contracts {Contracts} (default {DefaultContract})")]
    private partial void LogContracts(string chaincodeId, string contracts, string defaultContract);

    [LoggerMessage(Level = LogLevel.Information, Message = "Chaincode {ChaincodeId} is served by {ChaincodeType}")]
    private partial void LogChaincode(string chaincodeId, Type chaincodeType);
}
