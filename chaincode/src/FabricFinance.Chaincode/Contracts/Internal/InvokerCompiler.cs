using System.Linq.Expressions;
using System.Reflection;

namespace FabricFinance.Chaincode.Contracts.Internal;

/// <summary>
/// Compiles a transaction method into a <see cref="TransactionInvoker"/>: an expression tree that
/// casts the contract, binds each argument with the serializer's generic reader, calls the method
/// and hands its result to a typed adapter. Reflection happens here, once; calls run compiled code.
/// </summary>
internal static class InvokerCompiler
{
    private static readonly TransactionResult Empty = new(null, ChaincodeResponse.Success());

    private static readonly MethodInfo BindMethod = Method(nameof(Bind));
    private static readonly PropertyInfo ArgumentCount = typeof(IReadOnlyCollection<ReadOnlyMemory<byte>>).GetProperty(nameof(IReadOnlyCollection<ReadOnlyMemory<byte>>.Count))!;
    private static readonly PropertyInfo ArgumentItem = typeof(IReadOnlyList<ReadOnlyMemory<byte>>).GetProperty("Item")!;

    public static TransactionInvoker Compile(MethodInfo method, IReadOnlyList<ParameterDescriptor> bound, ITransactionSerializer serializer)
    {
        var contract = Expression.Parameter(typeof(object), "contract");
        var context = Expression.Parameter(typeof(Context), "context");
        var arguments = Expression.Parameter(typeof(IReadOnlyList<ReadOnlyMemory<byte>>), "arguments");
        var serializerConstant = Expression.Constant(serializer, typeof(ITransactionSerializer));

        var values = new List<Expression>();
        var next = 0;
        foreach (var parameter in method.GetParameters())
        {
            values.Add(parameter.ParameterType switch
            {
                var t when t == typeof(Context) => context,
                var t when t == typeof(IChaincodeStub) => Expression.Property(context, nameof(Context.Stub)),
                var t when t == typeof(ClientIdentity) => Expression.Property(context, nameof(Context.ClientIdentity)),
                var t when t == typeof(CancellationToken) => Expression.Property(context, nameof(Context.CancellationToken)),
                _ => BindExpression(bound[next++], parameter, arguments, serializerConstant),
            });
        }

        var call = Expression.Call(Expression.Convert(contract, method.DeclaringType!), method, values);
        var body = Adapt(call, method.ReturnType, serializerConstant);
        return Expression.Lambda<TransactionInvoker>(body, $"Invoke_{method.DeclaringType!.Name}_{method.Name}", [contract, context, arguments]).Compile();
    }

    private static Expression BindExpression(ParameterDescriptor descriptor, ParameterInfo parameter, ParameterExpression arguments, Expression serializer)
    {
        var position = Expression.Constant(descriptor.Index + 1);
        var bind = Expression.Call(
            BindMethod.MakeGenericMethod(parameter.ParameterType),
            serializer,
            Expression.Property(arguments, ArgumentItem, position),
            Expression.Constant(descriptor));
        if (!descriptor.IsOptional)
        {
            return bind;
        }

        var fallback = DefaultValue(parameter);
        return Expression.Condition(Expression.GreaterThan(Expression.Property(arguments, ArgumentCount), position), bind, fallback);
    }

    private static Expression DefaultValue(ParameterInfo parameter)
    {
        var type = parameter.ParameterType;
        var value = parameter.HasDefaultValue ? parameter.DefaultValue : null;
        if (value is null or DBNull or Missing)
        {
            return Expression.Default(type);
        }

        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying.IsEnum && value.GetType() != underlying)
        {
            value = Enum.ToObject(underlying, value); // reflection reports an enum default as its underlying integer
        }

        return Expression.Convert(Expression.Constant(value, value.GetType()), type);
    }

    /// <summary>Turns the call into a <c>ValueTask&lt;TransactionResult&gt;</c> through the adapter for its return type.</summary>
    private static Expression Adapt(Expression call, Type returnType, Expression serializer)
    {
        if (returnType == typeof(void))
        {
            return Expression.Block(call, Expression.Call(Method(nameof(FromVoid))));
        }

        if (returnType == typeof(Task))
        {
            return Expression.Call(Method(nameof(FromTask)), call);
        }

        if (returnType == typeof(ValueTask))
        {
            return Expression.Call(Method(nameof(FromValueTask)), call);
        }

        if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>))
        {
            return Expression.Call(Method(nameof(FromTaskOf)).MakeGenericMethod(returnType.GetGenericArguments()), call, serializer);
        }

        if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(ValueTask<>))
        {
            return Expression.Call(Method(nameof(FromValueTaskOf)).MakeGenericMethod(returnType.GetGenericArguments()), call, serializer);
        }

        return Expression.Call(Method(nameof(FromValue)).MakeGenericMethod(returnType), call, serializer);
    }

    private static MethodInfo Method(string name) => typeof(InvokerCompiler).GetMethod(name, BindingFlags.NonPublic | BindingFlags.Static)!;

    private static T Bind<T>(ITransactionSerializer serializer, ReadOnlyMemory<byte> argument, ParameterDescriptor parameter)
    {
        try
        {
            return serializer.Deserialize<T>(argument);
        }
        catch (FormatException ex)
        {
            throw new ArgumentBindingException(parameter, ex.Message, ex);
        }
    }

    private static TransactionResult Result<T>(T value, ITransactionSerializer serializer) => value switch
    {
        ChaincodeResponse response => new(value, response),
        _ when typeof(T) == typeof(ChaincodeResponse) => new(null, ChaincodeResponse.Failure("The transaction returned no response.")),
        _ => new(value, ChaincodeResponse.Success(serializer.Serialize(value))),
    };

    private static ValueTask<TransactionResult> FromVoid() => ValueTask.FromResult(Empty);

    private static ValueTask<TransactionResult> FromValue<T>(T value, ITransactionSerializer serializer) =>
        ValueTask.FromResult(Result(value, serializer));

    private static async ValueTask<TransactionResult> FromTask(Task task)
    {
        await task.ConfigureAwait(false);
        return Empty;
    }

    private static async ValueTask<TransactionResult> FromValueTask(ValueTask task)
    {
        await task.ConfigureAwait(false);
        return Empty;
    }

    private static async ValueTask<TransactionResult> FromTaskOf<T>(Task<T> task, ITransactionSerializer serializer) =>
        Result(await task.ConfigureAwait(false), serializer);

    private static async ValueTask<TransactionResult> FromValueTaskOf<T>(ValueTask<T> task, ITransactionSerializer serializer) =>
        Result(await task.ConfigureAwait(false), serializer);
}
