namespace FabricFinance.Chaincode.Contracts;

/// <summary>What was wrong with a transaction's arguments.</summary>
public enum TransactionArgumentErrorKind
{
    /// <summary>The client passed too few or too many arguments.</summary>
    Count,

    /// <summary>One argument could not be converted to its parameter's type.</summary>
    Value,

    /// <summary>
    /// The function name (the first argument) names no contract, or no transaction of the system
    /// contract; the default contract words the refusal.
    /// </summary>
    Function,
}
