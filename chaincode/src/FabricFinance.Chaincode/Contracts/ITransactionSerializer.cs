using System.Text.Json.Nodes;

namespace FabricFinance.Chaincode.Contracts;

/// <summary>
/// Converts transaction arguments to parameter values and results to response payloads, and
/// describes the types it accepts for the contract metadata. The <see cref="ContractRouter"/> asks it
/// about every parameter and result type once, at startup, and compiles the conversions into its
/// invokers. <see cref="JsonTransactionSerializer"/> is the default.
/// </summary>
/// <remarks>
/// Implementations must be thread-safe and deterministic: the same value must always give the same
/// bytes, on every endorsing peer.
/// </remarks>
public interface ITransactionSerializer
{
    /// <summary>Converts one argument, as the client sent it, to a parameter value.</summary>
    /// <typeparam name="T">The parameter's type; one <see cref="DescribeParameter"/> accepted.</typeparam>
    /// <param name="argument">The argument's bytes.</param>
    /// <returns>The value.</returns>
    /// <exception cref="FormatException">
    /// The argument is not a valid <typeparamref name="T"/>. The message says why without naming the
    /// argument (the router adds that), for example <c>'abc' is not an integer</c>.
    /// </exception>
    T Deserialize<T>(ReadOnlyMemory<byte> argument);

    /// <summary>Converts a transaction's result to the response payload.</summary>
    /// <typeparam name="T">The result's declared type; one <see cref="DescribeResult"/> accepted.</typeparam>
    /// <param name="value">The result.</param>
    /// <returns>The payload.</returns>
    /// <exception cref="NotSupportedException">The value cannot be written (for example, an undefined enum value).</exception>
    byte[] Serialize<T>(T value);

    /// <summary>Checks that a parameter type can be bound and describes it as a JSON schema.</summary>
    /// <param name="type">The parameter's type.</param>
    /// <param name="components">
    /// Named object schemas, shared by the whole metadata; add one for each object type and refer
    /// to it as <c>{"$ref": "#/components/schemas/Name"}</c>.
    /// </param>
    /// <returns>The schema of the parameter.</returns>
    /// <exception cref="NotSupportedException">The type cannot be a parameter; the message says why.</exception>
    JsonObject DescribeParameter(Type type, IDictionary<string, JsonObject> components);

    /// <summary>Checks that a result type can be written and describes it as a JSON schema.</summary>
    /// <param name="type">The result's type (never <see cref="void"/>, a task or <see cref="ChaincodeResponse"/>: the router handles those).</param>
    /// <param name="components">Named object schemas, as for <see cref="DescribeParameter"/>.</param>
    /// <returns>The schema of the result.</returns>
    /// <exception cref="NotSupportedException">The type cannot be a result; the message says why.</exception>
    JsonObject DescribeResult(Type type, IDictionary<string, JsonObject> components);
}
