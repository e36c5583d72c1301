using System.Collections.Frozen;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace FabricFinance.Chaincode.Contracts.Internal;

/// <summary>
/// Reads a contract class once at startup: its name, its <see cref="TransactionAttribute"/>
/// methods, their parameters and results. Everything that could only fail later fails here, with a
/// <see cref="ContractDefinitionException"/> naming the type and member.
/// </summary>
internal static class ContractInspector
{
    public static ContractDescriptor Inspect(Type type, ITransactionSerializer serializer, IDictionary<string, JsonObject> components)
    {
        if (!type.IsClass || type.IsAbstract || type.ContainsGenericParameters)
        {
            throw new ContractDefinitionException($"{type.FullName}: a contract must be a concrete, non-generic class.");
        }

        if (!typeof(IContract).IsAssignableFrom(type))
        {
            throw new ContractDefinitionException($"{type.FullName}: a contract must implement IContract (derive from ContractBase).");
        }

        var attribute = type.GetCustomAttribute<ContractAttribute>(inherit: false);
        var name = attribute?.Name ?? type.Name;
        if (string.IsNullOrEmpty(name) || name.Any(char.IsWhiteSpace))
        {
            throw new ContractDefinitionException($"{type.FullName}: the contract name '{name}' must be non-empty and contain no white space.");
        }

        if (name == ContractRouter.SystemContractName)
        {
            throw new ContractDefinitionException($"{type.FullName}: the contract name '{name}' is reserved for Fabric's system contract.");
        }

        var transactions = new Dictionary<string, TransactionDescriptor>(StringComparer.Ordinal);
        const BindingFlags all = BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic;
        foreach (var method in type.GetMethods(all).OrderBy(m => m.Name, StringComparer.Ordinal).ThenBy(m => m.GetParameters().Length))
        {
            if (method.GetCustomAttribute<TransactionAttribute>(inherit: true) is not { } transaction)
            {
                continue;
            }

            var descriptor = InspectTransaction(type, method, transaction, serializer, components);
            if (!transactions.TryAdd(descriptor.Name, descriptor))
            {
                throw new ContractDefinitionException(
                    $"{type.FullName}: two methods are the transaction '{descriptor.Name}' ({Describe(transactions[descriptor.Name].Method)} and {Describe(method)}); transaction names must be unique within a contract.");
            }
        }

        if (transactions.Count == 0)
        {
            throw new ContractDefinitionException($"{type.FullName}: the contract has no public method marked [Transaction].");
        }

        return new ContractDescriptor(type, name, attribute?.IsDefault ?? false, attribute, transactions.ToFrozenDictionary(StringComparer.Ordinal));
    }

    private static TransactionDescriptor InspectTransaction(
        Type type, MethodInfo method, TransactionAttribute transaction, ITransactionSerializer serializer, IDictionary<string, JsonObject> components)
    {
        var where = $"{type.FullName}.{method.Name}";
        if (!method.IsPublic || method.IsStatic)
        {
            throw new ContractDefinitionException($"{where}: a [Transaction] method must be public and not static.");
        }

        if (method.ContainsGenericParameters)
        {
            throw new ContractDefinitionException($"{where}: a [Transaction] method must not be generic.");
        }

        var name = transaction.Name ?? method.Name;
        if (name.Length == 0 || name.Contains(':', StringComparison.Ordinal) || name.Any(char.IsWhiteSpace))
        {
            throw new ContractDefinitionException($"{where}: the transaction name '{name}' must be non-empty and contain no ':' or white space.");
        }

        var parameters = InspectParameters(where, method, serializer, components);
        var returns = InspectReturn(where, method, serializer, components);
        var descriptor = new TransactionDescriptor(name, method, transaction.Evaluate, parameters, returns);
        descriptor.Invoker = InvokerCompiler.Compile(method, parameters, serializer);
        return descriptor;
    }

    private static List<ParameterDescriptor> InspectParameters(string where, MethodInfo method, ITransactionSerializer serializer, IDictionary<string, JsonObject> components)
    {
        var bound = new List<ParameterDescriptor>();
        foreach (var parameter in method.GetParameters())
        {
            var type = parameter.ParameterType;
            var name = parameter.Name ?? $"arg{parameter.Position}";
            if (type == typeof(Context) || type == typeof(IChaincodeStub) || type == typeof(ClientIdentity) || type == typeof(CancellationToken))
            {
                continue;
            }

            if (type.IsByRef || parameter.IsOut)
            {
                throw new ContractDefinitionException($"{where}: parameter '{name}' is passed by reference; transaction parameters must be passed by value.");
            }

            if (parameter.IsDefined(typeof(ParamArrayAttribute)))
            {
                throw new ContractDefinitionException($"{where}: parameter '{name}' is a params array; declare each argument, or take one JSON array.");
            }

            var optional = parameter.IsOptional;
            if (!optional && bound.Count > 0 && bound[^1].IsOptional)
            {
                throw new ContractDefinitionException($"{where}: parameter '{name}' is required but follows an optional one; optional arguments must come last.");
            }

            JsonObject schema;
            try
            {
                schema = serializer.DescribeParameter(type, components);
            }
            catch (NotSupportedException ex)
            {
                throw new ContractDefinitionException($"{where}: parameter '{name}' of type {JsonSchemaBuilder.DisplayName(type)} cannot be bound: {ex.Message}", ex);
            }

            bound.Add(new ParameterDescriptor(name, bound.Count, type, optional, schema));
        }

        return bound;
    }

    private static JsonObject? InspectReturn(string where, MethodInfo method, ITransactionSerializer serializer, IDictionary<string, JsonObject> components)
    {
        var type = method.ReturnType;
        if (type == typeof(void) && method.IsDefined(typeof(AsyncStateMachineAttribute)))
        {
            throw new ContractDefinitionException($"{where}: the method is 'async void', so the router cannot wait for it; return Task instead.");
        }

        if (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Task<>) || type.GetGenericTypeDefinition() == typeof(ValueTask<>)))
        {
            type = type.GetGenericArguments()[0];
        }
        else if (type == typeof(Task) || type == typeof(ValueTask))
        {
            type = typeof(void);
        }

        if (type == typeof(void) || type == typeof(ChaincodeResponse))
        {
            return null;
        }

        if (type.GetInterfaces().Append(type).Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>)))
        {
            throw new ContractDefinitionException($"{where}: the result is an IAsyncEnumerable; collect it into a list first.");
        }

        if (typeof(Task).IsAssignableFrom(type) || type == typeof(ValueTask) || (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ValueTask<>)))
        {
            throw new ContractDefinitionException($"{where}: the result is a task of a task; await the inner one.");
        }

        try
        {
            return serializer.DescribeResult(type, components);
        }
        catch (NotSupportedException ex)
        {
            throw new ContractDefinitionException($"{where}: the result type {JsonSchemaBuilder.DisplayName(type)} cannot be serialized: {ex.Message}", ex);
        }
    }

    private static string Describe(MethodInfo method) =>
        $"{method.Name}({string.Join(", ", method.GetParameters().Select(p => JsonSchemaBuilder.DisplayName(p.ParameterType)))})";
}
