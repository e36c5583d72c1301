namespace FabricFinance.Chaincode;

/// <summary>The object type and attributes of a composite key, as <see cref="CompositeKey.Split"/> returns them.</summary>
public sealed class CompositeKeyParts
{
    internal CompositeKeyParts(string objectType, IReadOnlyList<string> attributes)
    {
        ObjectType = objectType;
        Attributes = attributes;
    }

    /// <summary>Gets the object type (the first component).</summary>
    public string ObjectType { get; }

    /// <summary>Gets the attributes, in order.</summary>
    public IReadOnlyList<string> Attributes { get; }

    /// <summary>Deconstructs into the object type and the attributes.</summary>
    /// <param name="objectType">The object type.</param>
    /// <param name="attributes">The attributes, in order.</param>
    public void Deconstruct(out string objectType, out IReadOnlyList<string> attributes)
    {
        objectType = ObjectType;
        attributes = Attributes;
    }
}
