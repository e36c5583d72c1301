using System.Text;
using FabricFinance.Chaincode.Contracts;

namespace FabricFinance.Chaincode.Tests.Contracts.Infrastructure;

/// <summary>Shortcuts for router tests.</summary>
internal static class Responses
{
    /// <summary>Gets the payload as UTF-8 text.</summary>
    public static string Text(this ChaincodeResponse response) => Encoding.UTF8.GetString(response.Payload.Span);

    /// <summary>Runs a transaction given as strings (the function name first) on a fresh in-memory stub.</summary>
    public static Task<ChaincodeResponse> InvokeAsync(this ContractRouter router, params string[] arguments) =>
        router.InvokeAsync(InMemoryStub.Create(arguments).Stub, CancellationToken.None);
}
