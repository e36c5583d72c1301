namespace FabricFinance.Chaincode.Contracts.Internal;

/// <summary>An argument could not be converted to its parameter's type; carries the parameter and the serializer's reason.</summary>
internal sealed class ArgumentBindingException(ParameterDescriptor parameter, string reason, Exception innerException)
    : Exception($"argument '{parameter.Name}': {reason}", innerException)
{
    public ParameterDescriptor Parameter { get; } = parameter;

    public string Reason { get; } = reason;
}
