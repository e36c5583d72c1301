using System.Text.Json.Nodes;

namespace FabricFinance.Chaincode.Contracts.Internal;

/// <summary>A parameter bound from a transaction argument.</summary>
/// <param name="Name">The parameter's name, as reported in errors and metadata.</param>
/// <param name="Index">The zero-based position of its argument after the function name.</param>
/// <param name="Type">The parameter's type.</param>
/// <param name="IsOptional">Whether the argument may be omitted (the parameter has a default value).</param>
/// <param name="Schema">The parameter's JSON schema for the metadata.</param>
internal sealed record ParameterDescriptor(string Name, int Index, Type Type, bool IsOptional, JsonObject Schema);
