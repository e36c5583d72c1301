using System.Reflection;
using System.Text.Json.Nodes;

namespace FabricFinance.Chaincode.Contracts.Internal;

/// <summary>A transaction of a contract, checked and compiled.</summary>
internal sealed class TransactionDescriptor(
    string name,
    MethodInfo method,
    bool evaluate,
    IReadOnlyList<ParameterDescriptor> parameters,
    JsonObject? returns)
{
    public string Name { get; } = name;

    public MethodInfo Method { get; } = method;

    public bool Evaluate { get; } = evaluate;

    /// <summary>Gets the parameters bound from arguments, in argument order.</summary>
    public IReadOnlyList<ParameterDescriptor> Parameters { get; } = parameters;

    /// <summary>Gets the schema of the result, or <see langword="null"/> when there is none to describe.</summary>
    public JsonObject? Returns { get; } = returns;

    public int MinimumArguments { get; } = parameters.Count(p => !p.IsOptional);

    public int MaximumArguments => Parameters.Count;

    /// <summary>Gets the compiled invoker; set once while building.</summary>
    public TransactionInvoker Invoker { get; set; } = null!;
}
