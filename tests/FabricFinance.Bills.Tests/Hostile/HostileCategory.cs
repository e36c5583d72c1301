namespace FabricFinance.Bills.Tests.Hostile;

/// <summary>What kind of hostile input a generated call carries.</summary>
internal enum HostileCategory
{
    /// <summary>Too few or too many arguments.</summary>
    Arity,

    /// <summary>A string argument (id, reason, payment reference, status, page size, bookmark) that breaks its rule.</summary>
    ArgumentValue,

    /// <summary>A JSON argument that is not JSON, or not an object.</summary>
    MalformedJson,

    /// <summary>JSON nested far deeper than any record (up to 100,000 levels).</summary>
    DeepJson,

    /// <summary>A JSON object with an unknown, missing, duplicated or wrongly typed field.</summary>
    JsonField,

    /// <summary>An amount that is negative, zero, above 10^13, beyond a long, or not an integer.</summary>
    Amount,

    /// <summary>A date that does not exist, is malformed, or breaks the tenor rules.</summary>
    Date,

    /// <summary>A string of megabytes where an id, reason or JSON field goes.</summary>
    HugeString,

    /// <summary>Control characters and bytes that are not UTF-8, in arguments and the function name.</summary>
    InvalidText,

    /// <summary>A function or contract the chaincode does not have.</summary>
    UnknownFunction,

    /// <summary>Transient terms or settlement missing, malformed or out of range.</summary>
    Transient,
}
