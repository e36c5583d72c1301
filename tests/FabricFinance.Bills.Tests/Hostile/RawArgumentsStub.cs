using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Text;
using FabricFinance.Chaincode;

namespace FabricFinance.Bills.Tests.Hostile;

/// <summary>A proxy of a stub that answers the argument properties from decoded arguments and forwards every other call.</summary>
#pragma warning disable CA1852 // DispatchProxy needs an unsealed class to derive its proxy from.
internal class RawArgumentsStub : DispatchProxy
#pragma warning restore CA1852
{
    private IChaincodeStub? _inner;
    private IReadOnlyList<ReadOnlyMemory<byte>> _arguments = [];

    public static IChaincodeStub Wrap(IChaincodeStub stub)
    {
        var proxy = Create<IChaincodeStub, RawArgumentsStub>();
        var self = (RawArgumentsStub)(object)proxy;
        self._inner = stub;
        self._arguments = [.. stub.Arguments.Select(RawArguments.Decode)];
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        switch (targetMethod.Name)
        {
            case "get_" + nameof(IChaincodeStub.Arguments):
                return _arguments;
            case "get_" + nameof(IChaincodeStub.FunctionName):
                return _arguments.Count > 0 ? Encoding.UTF8.GetString(_arguments[0].Span) : string.Empty;
            case "get_" + nameof(IChaincodeStub.Parameters):
                return _arguments.Skip(1).Select(a => Encoding.UTF8.GetString(a.Span)).ToList();
        }

        try
        {
            return targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(ex.InnerException);
            throw;
        }
    }
}
