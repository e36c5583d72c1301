using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FabricFinance.Chaincode.Contracts;
using FabricFinance.Chaincode.Tests.Contracts.Infrastructure;

namespace FabricFinance.Chaincode.Tests.Contracts;

/// <summary>The default serializer writes equal values as equal bytes, whatever the declaration or insertion order.</summary>
[TestFixture]
public sealed class JsonTransactionSerializerTests
{
    private static readonly JsonTransactionSerializer Serializer = JsonTransactionSerializer.Default;

    private static string Text<T>(T value) => Encoding.UTF8.GetString(Serializer.Serialize(value));

    [Test]
    public void Serialize_SameValueTwice_GivesTheSameBytes()
    {
        // Arrange
        var order = new Order("eu", 10, Color.Green, [new OrderLine("x", 1), new OrderLine("y", 2)], "é<&>");

        // Act
        var first = Serializer.Serialize(order);
        var second = new JsonTransactionSerializer().Serialize(order with { Lines = [new OrderLine("x", 1), new OrderLine("y", 2)] });

        // Assert
        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void Serialize_Record_WritesPropertiesInOrdinalOrderOfTheirCamelCaseNames()
    {
        // Act
        var json = Text(new Order("eu", 10, Color.Green, [new OrderLine("x", 1)]));

        // Assert
        Assert.That(json, Is.EqualTo("""{"amount":10,"color":"Green","lines":[{"quantity":1,"sku":"x"}],"note":null,"zone":"eu"}"""));
    }

    [Test]
    public void Serialize_JsonPropertyOrder_ComesBeforeTheOrdinalOrder()
    {
        // Act
        var json = Text(new Ranked("z", "a"));

        // Assert
        Assert.That(json, Is.EqualTo("""{"zulu":"z","alpha":"a"}"""));
    }

    [Test]
    public void Serialize_Dictionary_WritesKeysInOrdinalOrderWhateverTheInsertionOrder()
    {
        // Arrange
        var one = new Dictionary<string, int> { ["b"] = 1, ["a"] = 2, ["B"] = 3 };
        var other = new Dictionary<string, int> { ["B"] = 3, ["b"] = 1, ["a"] = 2 };

        // Act / Assert
        Assert.That(Text(one), Is.EqualTo("""{"B":3,"a":2,"b":1}"""));
        Assert.That(Text<IReadOnlyDictionary<string, int>>(other), Is.EqualTo(Text(one)));
        Assert.That(Text(new SortedDictionary<string, int>(one)), Is.EqualTo(Text(one)));
    }

    [TestCase(-5, "-5")]
    [TestCase(0, "0")]
    public void Serialize_Integer_IsInvariantText(int value, string expected) => Assert.That(Text(value), Is.EqualTo(expected));

    [Test]
    public void Serialize_Scalars_AreText()
    {
        // Act / Assert
        Assert.That(Text(true), Is.EqualTo("true"));
        Assert.That(Text(ulong.MaxValue), Is.EqualTo("18446744073709551615"));
        Assert.That(Text(Color.Blue), Is.EqualTo("Blue"));
        Assert.That(Text("naïve"), Is.EqualTo("naïve"));
        Assert.That(Text(new DateOnly(2026, 1, 2)), Is.EqualTo("2026-01-02"));
        Assert.That(Serializer.Serialize<string?>(null), Is.Empty);
        Assert.That(Serializer.Serialize<long?>(null), Is.Empty);
        Assert.That(Serializer.Serialize<Order?>(null), Is.Empty);
        Assert.That(Serializer.Serialize(new byte[] { 0, 255 }), Is.EqualTo(new byte[] { 0, 255 }));
    }

    [Test]
    public void Serialize_UndefinedEnumValue_Throws()
    {
        // Act / Assert
        Assert.That(() => Serializer.Serialize((Color)7), Throws.TypeOf<NotSupportedException>());
    }

    [Test]
    public void Deserialize_Record_RoundTripsWhatSerializeWrote()
    {
        // Arrange
        var order = new Order("eu", long.MaxValue, Color.Red, [new OrderLine("x", -1)], null);

        // Act
        var read = Serializer.Deserialize<Order>(Serializer.Serialize(order));

        // Assert
        Assert.That(read with { Lines = order.Lines }, Is.EqualTo(order));
        Assert.That(read.Lines, Is.EqualTo(order.Lines));
    }

    [Test]
    public void Deserialize_FloatForAnInteger_ThrowsFormatException()
    {
        // Act / Assert
        Assert.That(
            () => Serializer.Deserialize<List<long>>("[1, 2.0]"u8.ToArray()),
            Throws.TypeOf<FormatException>().With.Message.EqualTo("is not a valid ListOfInt64: $[1] must be an integer from -9223372036854775808 to 9223372036854775807"));
    }

    [Test]
    public void Options_AreReadOnly()
    {
        // Act / Assert
        Assert.That(Serializer.Options.IsReadOnly, Is.True);
        Assert.That(() => Serializer.Options.WriteIndented = true, Throws.InvalidOperationException);
    }

    [Test]
    public void Configure_AddsToTheDefaults_AndKeepsTheOrdering()
    {
        // Arrange
        var serializer = new JsonTransactionSerializer(o => o.WriteIndented = false);

        // Act
        var json = Encoding.UTF8.GetString(serializer.Serialize(new Order("eu", 1, Color.Red, [])));

        // Assert
        Assert.That(json, Does.StartWith("""{"amount":1,"""));
    }

    [Test]
    public void DescribeParameter_UnsupportedType_ThrowsNotSupportedException()
    {
        // Act / Assert
        Assert.That(() => Serializer.DescribeParameter(typeof(double), new Dictionary<string, JsonObject>()), Throws.TypeOf<NotSupportedException>());
        Assert.That(() => Serializer.DescribeParameter(typeof(DateTimeOffset), new Dictionary<string, JsonObject>()), Throws.TypeOf<NotSupportedException>());
        Assert.That(() => Serializer.DescribeParameter(typeof(JsonElement), new Dictionary<string, JsonObject>()), Throws.TypeOf<NotSupportedException>());
    }
}
