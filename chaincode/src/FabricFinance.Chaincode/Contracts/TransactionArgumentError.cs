using System.Globalization;

namespace FabricFinance.Chaincode.Contracts;

/// <summary>
/// Arguments that do not fit a transaction, as the router found them. A contract words the
/// client's error message from it in <see cref="IContract.FormatArgumentError"/>.
/// </summary>
public sealed class TransactionArgumentError
{
    private TransactionArgumentError(TransactionArgumentErrorKind kind, string contractName, string transactionName, string message)
    {
        Kind = kind;
        ContractName = contractName;
        TransactionName = transactionName;
        Message = message;
    }

    /// <summary>Gets what was wrong: the count, one value, or the function name.</summary>
    public TransactionArgumentErrorKind Kind { get; }

    /// <summary>Gets the name of the contract (for <see cref="TransactionArgumentErrorKind.Function"/>, the one the function name asked for).</summary>
    public string ContractName { get; }

    /// <summary>Gets the name of the transaction (for <see cref="TransactionArgumentErrorKind.Function"/>, the one the function name asked for).</summary>
    public string TransactionName { get; }

    /// <summary>Gets the fewest arguments the transaction takes (for <see cref="TransactionArgumentErrorKind.Count"/>).</summary>
    public int MinimumCount { get; private init; }

    /// <summary>Gets the most arguments the transaction takes (for <see cref="TransactionArgumentErrorKind.Count"/>).</summary>
    public int MaximumCount { get; private init; }

    /// <summary>Gets how many arguments the client passed, not counting the transaction name.</summary>
    public int ActualCount { get; private init; }

    /// <summary>Gets the name of the parameter whose argument is wrong (for <see cref="TransactionArgumentErrorKind.Value"/>).</summary>
    public string? ParameterName { get; private init; }

    /// <summary>Gets the zero-based position of that argument after the transaction name, or -1.</summary>
    public int ArgumentIndex { get; private init; } = -1;

    /// <summary>Gets why the value does not fit, for example <c>'abc' is not an integer</c>.</summary>
    public string? Reason { get; private init; }

    /// <summary>
    /// Gets the router's wording, for example <c>argument 'amount' of IssueBill: 'abc' is not an integer</c>
    /// or <c>CreateAsset takes 3 argument(s) (id, owner, value), got 1</c>.
    /// </summary>
    public string Message { get; }

    /// <inheritdoc/>
    public override string ToString() => Message;

    internal static TransactionArgumentError WrongCount(string contractName, string transactionName, int minimum, int maximum, int actual, IEnumerable<string> parameterNames)
    {
        var expected = minimum == maximum
            ? minimum.ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{minimum} to {maximum}");
        var names = string.Join(", ", parameterNames);
        var message = string.Create(
            CultureInfo.InvariantCulture,
            $"{transactionName} takes {expected} argument(s){(names.Length > 0 ? $" ({names})" : string.Empty)}, got {actual}");
        return new(TransactionArgumentErrorKind.Count, contractName, transactionName, message)
        {
            MinimumCount = minimum,
            MaximumCount = maximum,
            ActualCount = actual,
        };
    }

    internal static TransactionArgumentError UnknownFunction(string contractName, string transactionName, string message) =>
        new(TransactionArgumentErrorKind.Function, contractName, transactionName, message);

    internal static TransactionArgumentError BadValue(string contractName, string transactionName, string parameterName, int argumentIndex, int actual, string reason) =>
        new(TransactionArgumentErrorKind.Value, contractName, transactionName, $"argument '{parameterName}' of {transactionName}: {reason}")
        {
            ParameterName = parameterName,
            ArgumentIndex = argumentIndex,
            ActualCount = actual,
            Reason = reason,
        };
}
